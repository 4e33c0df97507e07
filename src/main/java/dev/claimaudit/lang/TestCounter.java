package dev.claimaudit.lang;

import dev.claimaudit.text.RequiredText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts test case declarations, per framework, without running anything. Only declarations in
 * code count: a test in a block comment, a docstring or a string literal (a fixture that holds
 * test source as text) is not one.
 */
public final class TestCounter {
  private static final String JVM = "^\\s*@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example|RetryingTest)\\b";
  private static final Map<Language, Pattern> DECLARATIONS = declarations();
  /** The declaration patterns all of whose alternatives start with {@code ^}, found once rather than for every file. */
  private static final Set<Pattern> ANCHORED = DECLARATIONS.values().stream().filter(pattern -> anchoredAtStart(pattern.pattern()))
      .collect(Collectors.toUnmodifiableSet());

  /** What makes a file that is not a test file by its name one by its content: tests it declares where a runner finds them. */
  private static final Map<Language, Pattern> FILE_DECLARATIONS = Map.of(
      Language.JAVASCRIPT, Pattern.compile("^(?:describe|it|test|suite|specify|context)(?:\\.\\w+|\\[\\s*['\"]\\w+['\"]\\s*\\])*\\s*\\(|^Deno\\.test\\s*\\("),
      Language.TYPESCRIPT, Pattern.compile("^(?:describe|it|test|suite|specify|context)(?:\\.\\w+|\\[\\s*['\"]\\w+['\"]\\s*\\])*\\s*\\(|^Deno\\.test\\s*\\("),
      Language.RUST, Pattern.compile("#\\[(?:\\w+::)*test\\b|#\\[cfg\\(\\s*test\\s*\\)\\]|#\\[rstest\\b"),
      Language.PYTHON, Pattern.compile("^(?:async\\s+)?def\\s+test\\w*\\s*\\(|^class\\s+Test\\w*\\s*[(:]"));
  /** What a line must hold for each declaration pattern to match in it: a line without it is not matched. */
  private static final Map<Pattern, RequiredText> REQUIRED = Stream.concat(DECLARATIONS.values().stream(), FILE_DECLARATIONS.values().stream())
      .distinct()
      .collect(Collectors.toUnmodifiableMap(pattern -> pattern, RequiredText::of));
  /** A Python file's tests are found by a runner only when it imports one. */
  private static final Pattern PYTHON_RUNNER = Pattern.compile("^(?:import|from)\\s+(?:pytest|unittest)\\b", Pattern.MULTILINE);

  /**
   * Words one of which every match of a language's declaration pattern holds, where a few say it:
   * a file that holds none declares no test, and its lines are not each matched. Most source files
   * of a JVM project hold no test annotation.
   */
  private static final Map<Language, DeclarationWords> DECLARATION_WORDS = declarationWords();

  /** The words, and the characters they start with, each once. */
  private record DeclarationWords(List<String> words, String starts) {
    static DeclarationWords of(List<String> words) {
      StringBuilder starts = new StringBuilder();
      for (String word : words) {
        if (starts.indexOf(word.substring(0, 1)) < 0) {
          starts.append(word.charAt(0));
        }
      }
      return new DeclarationWords(List.copyOf(words), starts.toString());
    }
  }

  private TestCounter() {}

  private static Map<Language, DeclarationWords> declarationWords() {
    List<String> jvm = List.of("@Test", "@ParameterizedTest", "@RepeatedTest", "@Property", "@Example", "@RetryingTest");
    List<String> withQuote = new ArrayList<>(jvm);
    withQuote.add("\"");
    List<String> withDef = new ArrayList<>(jvm);
    withDef.add("def");
    return Map.of(Language.JAVA, DeclarationWords.of(jvm), Language.KOTLIN, DeclarationWords.of(withQuote), Language.SCALA,
        DeclarationWords.of(withQuote), Language.GROOVY, DeclarationWords.of(withDef));
  }

  /**
   * Whether {@code text} may declare a test in {@code language}: it holds a word of
   * {@link #DECLARATION_WORDS}, or the language has none. The words are tried only where their
   * first character stands, found by {@link String#indexOf(int)}: the JVM's all start with {@code @}.
   */
  static boolean mayDeclare(Language language, String text) {
    DeclarationWords declaration = DECLARATION_WORDS.get(language);
    if (declaration == null) {
      return true;
    }
    for (int s = 0; s < declaration.starts().length(); s++) {
      char start = declaration.starts().charAt(s);
      for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
        for (String word : declaration.words()) {
          if (word.charAt(0) == start && text.startsWith(word, at)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<Language, Pattern> declarations() {
    Map<Language, String> patterns = new EnumMap<>(Language.class);
    String javascript = "^\\s*(?:(?:it|test|specify|Deno\\.test|t\\.test)(?:\\.(?:only|skip|todo|concurrent|failing|each\\s*(?:\\([^)]*\\)|`[^`]*`)))*\\s*\\(|it\\s*\\(|test\\s*\\()";
    patterns.put(Language.PYTHON, "^\\s*(?:async\\s+)?def\\s+test\\w*\\s*\\(");
    patterns.put(Language.JAVASCRIPT, javascript);
    patterns.put(Language.TYPESCRIPT, javascript);
    patterns.put(Language.GO, "^func\\s+(?:Test|Fuzz|Example)\\w*\\s*\\(");
    patterns.put(Language.RUST, "^\\s*#\\[(?:\\w+::)?(?:test|rstest|test_case)\\b");
    patterns.put(Language.JAVA, JVM);
    patterns.put(Language.GROOVY, JVM + "|^\\s*def\\s+(?:\"[^\"]*\"|'[^']*')\\s*\\(\\s*\\)");
    patterns.put(Language.SCALA, JVM + "|^\\s*(?:test|it)\\s*\\(\\s*\"|^\\s*(?:it|they)\\s+(?:should|must|can)\\s+\"|\"[^\"]*\"\\s+in\\s*\\{");
    patterns.put(Language.KOTLIN, JVM + "|^\\s*(?:test|should|it)\\s*\\(\\s*\"");
    patterns.put(Language.CSHARP, "^\\s*\\[\\s*(?:Fact|Theory|Test|TestMethod|TestCase|DataTestMethod)\\b");
    patterns.put(Language.RUBY, "^\\s*(?:it|specify|test|scenario)\\s*(?:\\(?\\s*['\"]|\\s*do\\b|\\s*\\{)|^\\s*def\\s+test_\\w*");
    patterns.put(Language.SWIFT, "^\\s*(?:@Test\\b|func\\s+test\\w*\\s*\\()");
    patterns.put(Language.PHP, "^\\s*(?:public\\s+)?function\\s+test\\w*\\s*\\(|^\\s*(?:/\\*\\*?|\\*)\\s*@test\\b|^\\s*#\\[Test\\]|^\\s*(?:it|test)\\s*\\(\\s*['\"]");
    String nativeTests = "^\\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST|TEST_CASE|SCENARIO|BOOST_AUTO_TEST_CASE|START_TEST)\\s*\\(";
    patterns.put(Language.C, nativeTests + "|^\\s*void\\s+test_?\\w*\\s*\\(\\s*(?:void)?\\s*\\)\\s*\\{?\\s*$");
    patterns.put(Language.CPP, nativeTests);
    patterns.put(Language.ELIXIR, "^\\s*test\\s+\"");
    patterns.put(Language.DART, "^\\s*(?:test|testWidgets|testGoldens|blocTest)\\s*(?:<[^>]*>)?\\s*\\(");
    patterns.put(Language.SHELL, "^\\s*@test\\s+");
    patterns.put(Language.HASKELL, "^\\s*(?:it|specify|prop|fit|xit)\\s+\"|\\btest(?:Case|Property)\\s+\"");
    Map<Language, Pattern> compiled = new EnumMap<>(Language.class);
    patterns.forEach((language, pattern) -> compiled.put(language, Pattern.compile(pattern)));
    return Map.copyOf(compiled);
  }

  /** The declaration pattern of {@code language}'s test frameworks, or empty when it has none. */
  public static Optional<Pattern> declaration(Language language) {
    return Optional.ofNullable(DECLARATIONS.get(language));
  }

  /** The declaration pattern for the file's framework, or empty when its language is unknown or has none. */
  public static Optional<Pattern> declaration(String path) {
    return Language.of(path).flatMap(TestCounter::declaration);
  }

  /**
   * Whether a line declares a test in {@code language}'s framework, as its declaration pattern
   * finds one in the line, asked of line after line; empty when the language has no pattern. A
   * line without what the pattern requires ({@link #REQUIRED}) is passed over unmatched, and a
   * pattern all of whose alternatives start with {@code ^} is tried at the line's start only. Not
   * to be shared between threads.
   */
  public static Optional<Predicate<String>> declaredOnLine(Language language) {
    Pattern pattern = DECLARATIONS.get(language);
    if (pattern == null) {
      return Optional.empty();
    }
    Matcher matcher = pattern.matcher("");
    RequiredText required = REQUIRED.get(pattern);
    return Optional.of(ANCHORED.contains(pattern)
        ? line -> required.mayFind(line) && matcher.reset(line).lookingAt()
        : line -> required.mayFind(line) && matcher.reset(line).find());
  }

  /**
   * Test cases declared in {@code lines} of {@code path} (a whole file, or the lines a change adds
   * to one), or empty when the framework is unknown. The lines are lexed as they stand, so a
   * declaration in a comment or a string among them does not count.
   */
  public static Optional<Integer> count(String path, List<String> lines) {
    Optional<Language> language = Language.of(path);
    Optional<Pattern> pattern = language.flatMap(TestCounter::declaration);
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    if (lines.stream().noneMatch(line -> pattern.get().matcher(line).find())) {
      return Optional.of(0);
    }
    LexedText lexed = Lexer.lex(language.get(), String.join("\n", lines));
    return Optional.of(countIn(lexed, pattern.get(), null));
  }

  /**
   * Test cases declared in {@code text}, the whole of a file, or empty when the framework is
   * unknown. Each line is matched where it stands in the text, and the text is lexed only when one
   * declares a test: most files a change touches declare none.
   */
  public static Optional<Integer> countInFile(String path, String text) {
    Optional<Language> language = Language.of(path);
    Optional<Pattern> pattern = language.flatMap(TestCounter::declaration);
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    if (!anyLineMayDeclare(language.get(), pattern.get(), text, () -> LexedText.lineStarts(text))) {
      return Optional.of(0);
    }
    return Optional.of(countIn(Lexer.lex(language.get(), text), pattern.get(), null));
  }

  /**
   * Whether a line of {@code text} (whose lines start at {@code starts}), read as it stands, matches
   * {@code language}'s declaration {@code pattern}: the file must hold a declaration word first, and
   * is split into lines only then.
   */
  private static boolean anyLineMayDeclare(Language language, Pattern pattern, String text, Supplier<int[]> starts) {
    return mayDeclare(language, text) && anyLineMatches(pattern, text, starts.get());
  }

  /**
   * Whether {@code pattern} finds a match in a line of {@code text} (whose lines start at
   * {@code starts}), read as that line alone. A pattern all of whose alternatives start with
   * {@code ^} is tried at each line's start only, not at every character of the file.
   */
  private static boolean anyLineMatches(Pattern pattern, String text, int[] starts) {
    Matcher matcher = pattern.matcher(text);
    boolean anchored = ANCHORED.contains(pattern);
    RequiredText.Lines required = required(pattern, text);
    for (int line = 1; line <= starts.length; line++) {
      int end = LexedText.lineEnd(text, starts, line);
      if (required != null && !required.mayFind(starts[line - 1], end)) {
        continue;
      }
      matcher.region(starts[line - 1], end);
      if (anchored ? matcher.lookingAt() : matcher.find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether every top-level alternative of {@code regex} starts with {@code ^}. */
  static boolean anchoredAtStart(String regex) {
    return Patterns.topLevelAlternatives(regex).stream().allMatch(alternative -> alternative.startsWith("^"));
  }

  /**
   * Test cases declared on {@code lines} (1-based) of {@code text}, the whole file at head, lexed
   * whole so that a line inside a block comment or a multi-line string is seen as such; empty
   * when the framework is unknown.
   */
  public static Optional<Integer> count(String path, String text, Collection<Integer> lines) {
    return Language.of(path).flatMap(language -> count(path, Lexer.lex(language, text), lines));
  }

  /** {@link #count(String, String, Collection)} of a text already lexed in the language of {@code path}. */
  public static Optional<Integer> count(String path, LexedText lexed, Collection<Integer> lines) {
    return declaration(path).map(pattern -> countIn(lexed, pattern, lines));
  }

  /** {@link #countInFile(String, String)} of a text already lexed in the language of {@code path}. */
  public static Optional<Integer> countInFile(String path, LexedText lexed) {
    Optional<Language> language = Language.of(path);
    return language.flatMap(TestCounter::declaration)
        .map(pattern -> anyLineMayDeclare(language.get(), pattern, lexed.text(), lexed::lineStarts) ? countIn(lexed, pattern, null) : 0);
  }

  private static int countIn(LexedText lexed, Pattern pattern, Collection<Integer> lines) {
    Matcher matcher = pattern.matcher(lexed.text());
    RequiredText.Lines required = required(pattern, lexed.text());
    int count = 0;
    if (lines == null) {
      for (int line = 1; line <= lexed.lineCount(); line++) {
        count += declares(lexed, line, matcher, required) ? 1 : 0;
      }
      return count;
    }
    for (int line : lines) {
      if (line >= 1 && line <= lexed.lineCount()) {
        count += declares(lexed, line, matcher, required) ? 1 : 0;
      }
    }
    return count;
  }

  /** {@code text} to be asked line by line what {@code pattern} requires of a line; null when that is not known. */
  private static RequiredText.Lines required(Pattern pattern, String text) {
    RequiredText required = REQUIRED.get(pattern);
    return required == null ? null : required.over(text);
  }

  /**
   * Whether {@code matcher}, a matcher of the whole lexed text, matches line {@code line} read as
   * that line alone at a position in code; a line without what {@code required} names is passed over.
   */
  private static boolean declares(LexedText lexed, int line, Matcher matcher, RequiredText.Lines required) {
    String text = lexed.text();
    int end = LexedText.lineEnd(text, lexed.lineStarts(), line);
    if (required != null && !required.mayFind(lexed.lineStart(line), end)) {
      return false;
    }
    matcher.region(lexed.lineStart(line), end);
    while (matcher.find()) {
      if (codeAt(lexed, text, matcher.start(), end)) {
        return true;
      }
    }
    return false;
  }

  /** The first non-blank character from {@code offset} to {@code end} is code. */
  private static boolean codeAt(LexedText lexed, String text, int offset, int end) {
    int at = offset;
    while (at < end && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at < end && lexed.regionAt(at) == Region.CODE;
  }

  /**
   * Whether a file that is not a test file by its name is one by what it declares: Rust's
   * {@code #[test]} functions and {@code #[cfg(test)]} modules, JavaScript that calls
   * {@code describe}, {@code it} or {@code test} at top level, Python that imports a test runner
   * and defines tests, and any framework's own test annotations elsewhere.
   */
  public static boolean declaresTests(Language language, LexedText lexed) {
    Pattern pattern = FILE_DECLARATIONS.getOrDefault(language, DECLARATIONS.get(language));
    if (pattern == null || language == Language.GO) {
      return false;
    }
    if (language == Language.PYTHON && !PYTHON_RUNNER.matcher(lexed.text()).find()
        || !FILE_DECLARATIONS.containsKey(language) && !mayDeclare(language, lexed.text())) {
      return false;
    }
    Matcher matcher = pattern.matcher(lexed.text());
    RequiredText.Lines required = required(pattern, lexed.text());
    for (int line = 1; line <= lexed.lineCount(); line++) {
      if (declares(lexed, line, matcher, required)) {
        return true;
      }
    }
    return false;
  }
}
