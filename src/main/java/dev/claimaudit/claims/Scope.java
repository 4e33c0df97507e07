package dev.claimaudit.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a claim is about: the words, identifiers and paths its sentence names. A finding is in
 * the scope of a claim when the claim names its file, or a word of the function, class or test
 * it sits in; a claim that names nothing specific ("done", "fix failing tests") covers every
 * added line.
 *
 * @param words stems of the plain words that name something (generic words left out)
 * @param identifiers code names written whole ({@code parseHeader}, {@code format_args}), normalised
 * @param paths file or folder paths named
 */
public record Scope(Set<String> words, Set<String> identifiers, Set<String> paths) {
  public static final Scope EVERYTHING = new Scope(Set.of(), Set.of(), Set.of());

  /** Characters of a sentence read for its scope. */
  static final int MAX_SENTENCE = 300;

  private static final Set<String> GENERIC = loadGeneric();
  /** File names that say nothing of what a file holds; the folder names it instead. */
  private static final Set<String> ANONYMOUS_FILES = Set.of("index", "mod", "lib", "main", "init", "__init__", "util", "utils",
      "helpers", "common", "types", "core", "base", "app");
  private static final Pattern NOISE = Pattern.compile(
      "https?://\\S+|(?<![\\w])(?:[\\w.-]+/[\\w.-]+)?#\\d+\\b|\\b[A-Z][A-Z0-9]+-\\d+\\b|\\bGH-\\d+\\b");
  private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]{1,120})`");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(?:(?:\\.|::|#|/)[\\p{L}_$][\\p{L}\\p{N}_$]*)*(?:/\\d+)?");
  private static final Pattern IDENTIFIER = Pattern.compile(
      "[A-Za-z]+_\\w+|[a-z]+[A-Z]\\w*|[A-Z][a-z0-9]+[A-Z]\\w*|[A-Z]{2,}[a-z]\\w*|\\w+(?:\\.|::|#)\\w+(?:/\\d+)?");

  public Scope {
    words = Set.copyOf(words);
    identifiers = Set.copyOf(identifiers);
    paths = Set.copyOf(paths);
  }

  /**
   * The scope of a sentence: what its first {@value #MAX_SENTENCE} characters name. A claim names its
   * subject early; a longer run-on sentence adds cost, not scope.
   */
  public static Scope of(String whole) {
    String sentence = whole.length() <= MAX_SENTENCE ? whole : whole.substring(0, MAX_SENTENCE);
    Set<String> words = new LinkedHashSet<>();
    Set<String> identifiers = new LinkedHashSet<>();
    Set<String> paths = new LinkedHashSet<>(PathTokens.find(sentence));
    String text = NOISE.matcher(sentence).replaceAll(" ");
    Matcher span = CODE_SPAN.matcher(text);
    StringBuilder prose = new StringBuilder();
    int at = 0;
    while (span.find()) {
      prose.append(text, at, span.start()).append(' ');
      String code = span.group(1).strip();
      if (!PathTokens.isPath(code)) {
        addIdentifier(code, identifiers, words);
      }
      at = span.end();
    }
    prose.append(text.substring(at));
    Matcher token = TOKEN.matcher(prose);
    while (token.find()) {
      String word = token.group();
      if (paths.contains(PathTokens.trim(word)) || PathTokens.isPath(word)) {
        continue;
      }
      if (IDENTIFIER.matcher(word).matches()) {
        addIdentifier(word, identifiers, words);
        continue;
      }
      addWords(word, words);
    }
    return new Scope(words, identifiers, paths);
  }

  private static void addIdentifier(String code, Set<String> identifiers, Set<String> words) {
    String name = code.endsWith("()") ? code.substring(0, code.length() - 2) : code;
    String normal = normal(name.replaceAll("/\\d+$", ""));
    if (normal.length() >= 3) {
      identifiers.add(normal);
    }
    int separator = Math.max(name.lastIndexOf('.'), Math.max(name.lastIndexOf("::") + 1, name.lastIndexOf('#')));
    if (separator > 0) {
      addIdentifier(name.substring(separator + 1), identifiers, words);
    }
  }

  private static void addWords(String text, Set<String> words) {
    for (String part : Words.split(text)) {
      String stem = Words.stem(part);
      if (part.length() >= 3 && !GENERIC.contains(part) && !GENERIC.contains(stem)) {
        words.add(stem);
      }
    }
  }

  /** Whether the claim names nothing specific, and so covers every added line. */
  public boolean everything() {
    return words.isEmpty() && identifiers.isEmpty() && paths.isEmpty();
  }

  /** This scope and another: a claim whose sentence names two things is about both. */
  public Scope and(Scope other) {
    Set<String> w = new LinkedHashSet<>(words);
    w.addAll(other.words);
    Set<String> i = new LinkedHashSet<>(identifiers);
    i.addAll(other.identifiers);
    Set<String> p = new LinkedHashSet<>(paths);
    p.addAll(other.paths);
    return new Scope(w, i, p);
  }

  /** Whether a finding at {@code site} is what this scope is about. */
  public boolean covers(Site site) {
    return everything() || covers(site, Terms.of(site));
  }

  /** {@link #covers(Site)} with the site's terms made once for all the claims that ask. */
  boolean covers(Site site, Terms terms) {
    if (everything()) {
      return true;
    }
    for (String path : paths) {
      if (sameFile(site.path(), path)) {
        return true;
      }
    }
    for (String identifier : identifiers) {
      if (terms.holds(identifier)) {
        return true;
      }
    }
    for (String word : words) {
      if (terms.relatedTo(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether anything in the change is what this scope names: a changed file (by any part of its
   * path), the function, class or test of a placeholder ({@code change}: the terms of both), or a
   * word of the added lines ({@code wordsInAddedLines}: those of this scope's words that an added
   * line holds). A claim whose words name nothing of the change ("implement the parser" over a
   * change to {@code src/data.py}) is about the change as a whole.
   */
  boolean namesAnyOf(Terms paths, Terms sites, Set<String> wordsInAddedLines) {
    return everything() || words.stream().anyMatch(wordsInAddedLines::contains) || identifiers.stream().anyMatch(wordsInAddedLines::contains)
        || namesAnyOf(paths) || namesAnyOf(sites);
  }

  private boolean namesAnyOf(Terms change) {
    for (String word : words) {
      if (change.relatedTo(word)) {
        return true;
      }
    }
    for (String identifier : identifiers) {
      if (change.named(identifier)) {
        return true;
      }
    }
    for (String path : paths) {
      if (change.namesPath(path.replace('\\', '/').replaceFirst("^\\./", "").replaceFirst("/$", ""))) {
        return true;
      }
    }
    return false;
  }

  /** The name a file goes by: its base name, or its folder's when the base name says nothing ({@code mod.rs}, {@code index.ts}). */
  static String fileName(String path) {
    String normal = path.replace('\\', '/');
    String[] parts = normal.split("/");
    String base = parts[parts.length - 1];
    int dot = base.indexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    if (ANONYMOUS_FILES.contains(stem.toLowerCase(Locale.ROOT)) && parts.length > 1) {
      return parts[parts.length - 2];
    }
    return stem;
  }

  static boolean sameFile(String actual, String named) {
    String a = actual.replace('\\', '/');
    String n = normalPath(named);
    if (a.equals(n)) {
      return true;
    }
    // Whether "/" + n ends a, n + "/" starts it, or "/" + n + "/" is in it, without making those strings for every claim.
    int rest = a.length() - n.length();
    if (rest > 0 && a.endsWith(n) && a.charAt(rest - 1) == '/' || rest > 0 && a.startsWith(n) && a.charAt(n.length()) == '/') {
      return true;
    }
    for (int at = a.indexOf(n, 1); at >= 1 && at + n.length() < a.length(); at = a.indexOf(n, at + 1)) {
      if (a.charAt(at - 1) == '/' && a.charAt(at + n.length()) == '/') {
        return true;
      }
    }
    return false;
  }

  /** A named path as it is compared with the paths of the change: forward slashes, no leading {@code ./}, no trailing slash. */
  static String normalPath(String named) {
    String path = named.replace('\\', '/');
    if (holdsALineEnd(path)) {
      return path.replaceFirst("^\\./", "").replaceFirst("/$", "");
    }
    // Without a line end, "$" is the end of the text alone: the same as above, without a pattern per call.
    path = path.startsWith("./") ? path.substring(2) : path;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Whether the text holds a character before which {@code $} also matches. */
  private static boolean holdsALineEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  static String normal(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return NOT_A_LETTER_OR_DIGIT.matcher(lower).replaceAll("");
      }
    }
    return lower;
  }

  private static Set<String> loadGeneric() {
    Set<String> words = new LinkedHashSet<>();
    try (InputStream in = Scope.class.getResourceAsStream("/dev/claimaudit/claims/generic-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("generic-words.txt is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
          words.add(Words.stem(word));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  /** Whether {@code word} names nothing specific on its own. */
  static boolean generic(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return GENERIC.contains(lower) || GENERIC.contains(Words.stem(lower));
  }
}
