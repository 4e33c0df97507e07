package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds the file paths a sentence names. */
final class PathTokens {
  private static final Pattern PATHLIKE = Pattern.compile("(?:[\\w.@+\\-]+/)+[\\w.@+\\-]+|[\\w@+\\-][\\w.@+\\-]*\\.[A-Za-z][A-Za-z0-9]{0,11}");
  private static final Pattern NOT_A_FILE = Pattern.compile(
      "(?i)^(e\\.g|i\\.e|etc|vs|v?\\d+(\\.\\d+)+|[\\w-]+\\.(com|org|net|io|dev|md5|sha256)|\\w+\\.(then|map|filter|get|set|log|push|length|size))$");
  private static final Pattern CODEY_EXTENSION = Pattern.compile(
      "(?i)\\.(java|kt|kts|scala|groovy|js|jsx|mjs|cjs|ts|tsx|mts|cts|py|pyi|rs|go|c|h|cc|cpp|cxx|hpp|hh|cs|swift|rb|php|sh|bash|zsh|"
          + "md|txt|rst|adoc|json|ya?ml|toml|xml|html?|css|scss|sql|proto|gradle|properties|cfg|ini|conf|lock|csv|tsv|env|"
          + "dockerfile|mk|cmake|vue|svelte|dart|lua|pl|pm|r|m|mm|ex|exs|erl|hs|ml|clj|tf|bzl|bazel|ipynb|jsonl|graphql|gql)$");

  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s,;()\\[\\]{}<>\"'|*]+");
  private static final Pattern WELL_KNOWN_FILE = Pattern.compile("(?i)(Makefile|Dockerfile|Cargo\\.toml|README|LICENSE)");

  private PathTokens() {}

  /** Paths in {@code text}, in order; URLs are left out, absolute and parent paths are kept as written. */
  static List<String> find(String text) {
    List<String> paths = new ArrayList<>();
    for (String word : WORD_BREAKS.split(text)) {
      String token = trim(word);
      if (token.isEmpty() || token.contains("://") || token.startsWith("#")) {
        continue;
      }
      if (isPath(token)) {
        paths.add(token);
      }
    }
    return paths;
  }

  static boolean isPath(String token) {
    String bare = token.startsWith("/") ? token.substring(1) : token;
    while (bare.startsWith("./")) {
      bare = bare.substring(2);
    }
    // PATHLIKE needs a slash or a dot: most words of a sentence have neither and are no path.
    if (bare.indexOf('/') < 0 && bare.indexOf('.') < 0) {
      return false;
    }
    if (bare.isEmpty() || NOT_A_FILE.matcher(bare).matches() || !PATHLIKE.matcher(bare).matches()) {
      return false;
    }
    if (bare.contains("/")) {
      return hasAsciiLetter(bare) && !bare.endsWith("/");
    }
    return CODEY_EXTENSION.matcher(bare).find() || WELL_KNOWN_FILE.matcher(bare).matches();
  }

  /** Removes quoting and sentence punctuation around a token. */
  static String trim(String word) {
    String token = word.strip();
    while (!token.isEmpty() && "`*_:.,;!?'\"".indexOf(token.charAt(token.length() - 1)) >= 0) {
      token = token.substring(0, token.length() - 1);
    }
    while (!token.isEmpty() && "`*_'\"".indexOf(token.charAt(0)) >= 0) {
      token = token.substring(1);
    }
    return token;
  }

  private static boolean hasAsciiLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        return true;
      }
    }
    return false;
  }
}
