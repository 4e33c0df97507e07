package dev.claimaudit.kb;

import dev.claimaudit.policy.Digests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The path-agnostic identity of a finding: its rule plus its snippet with identifiers, numbers
 * and strings folded, so that {@code let users = todo!();} in one file and
 * {@code let orders = todo!();} in another are the same mistake.
 */
public final class Signature {
  /** Words kept as written: the keywords of the common languages, which carry the shape of a line. */
  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "and", "as", "assert", "async", "await", "break", "case", "catch", "class", "const", "continue", "def",
      "default", "defer", "del", "do", "elif", "else", "enum", "except", "export", "extends", "false", "final", "finally",
      "fn", "for", "func", "function", "go", "if", "impl", "implements", "import", "in", "interface", "is", "lambda", "let",
      "match", "mod", "mut", "new", "nil", "none", "not", "null", "or", "package", "pass", "private", "protected", "pub",
      "public", "raise", "return", "self", "static", "struct", "super", "switch", "this", "throw", "throws", "trait", "true",
      "try", "type", "undefined", "unsafe", "use", "val", "var", "void", "when", "where", "while", "with", "yield");
  private static final int MAX_SNIPPET = 2_000;
  private static final String FOLDED = "_";

  private Signature() {}

  /** The signature: 16 hex digits of sha-256 over the rule and the normalised snippet. */
  public static String of(String rule, String normalised) {
    return Digests.sha256(rule + "\n" + normalised).substring(0, 16);
  }

  /**
   * The snippet with strings as {@code S}, numbers as {@code N}, and every identifier that is
   * neither a keyword nor one of the rule's {@code keywords} as {@code _} (a run of them as one);
   * tokens joined by single spaces. A finding without a snippet normalises to "".
   */
  public static String normalise(String snippet, List<String> keywords) {
    if (snippet == null) {
      return "";
    }
    String text = snippet.length() > MAX_SNIPPET ? snippet.substring(0, MAX_SNIPPET) : snippet;
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'' || c == '`') {
        i = skipString(text, i, c);
        add(tokens, "S");
      } else if (Character.isDigit(c)) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.')) {
          i++;
        }
        add(tokens, "N");
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
          i++;
        }
        String word = text.substring(start, i);
        add(tokens, kept(word, keywords) ? word.toLowerCase(Locale.ROOT) : FOLDED);
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    while (!tokens.isEmpty() && (tokens.get(tokens.size() - 1).equals(";") || tokens.get(tokens.size() - 1).equals(","))) {
      tokens.remove(tokens.size() - 1);
    }
    return String.join(" ", tokens);
  }

  private static boolean kept(String word, List<String> keywords) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (KEYWORDS.contains(lower)) {
      return true;
    }
    for (String keyword : keywords) {
      String core = keyword.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
      if (core.length() >= 3 && lower.contains(core)) {
        return true;
      }
    }
    return false;
  }

  /** Folded tokens in a row ({@code int count}, or words of a comment) count as one. */
  private static void add(List<String> tokens, String token) {
    if (token.equals(FOLDED) && !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals(FOLDED)) {
      return;
    }
    tokens.add(token);
  }

  private static int skipString(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      i++;
      if (c == quote) {
        return i;
      }
    }
    return text.length();
  }
}
