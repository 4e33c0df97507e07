package dev.claimaudit.lang;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Counts test case declarations in lines of a test file, per framework, without running anything. */
public final class TestCounter {
  private static final Pattern PYTHON = Pattern.compile("^\\s*(?:async\\s+)?def\\s+test\\w*\\s*\\(");
  private static final Pattern JAVASCRIPT = Pattern.compile(
      "^\\s*(?:(?:it|test|specify|Deno\\.test|t\\.test)(?:\\.(?:only|skip|todo|concurrent|failing|each\\s*(?:\\([^)]*\\)|`[^`]*`)))*\\s*\\(|it\\s*\\(|test\\s*\\()");
  private static final Pattern GO = Pattern.compile("^func\\s+(?:Test|Fuzz|Example)\\w*\\s*\\(");
  private static final Pattern RUST = Pattern.compile("^\\s*#\\[(?:\\w+::)?(?:test|rstest|test_case)\\b");
  private static final Pattern JVM = Pattern.compile("^\\s*@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
  private static final Pattern KOTLIN_SPEC = Pattern.compile("^\\s*(?:test|should|it)\\s*\\(\\s*\"");
  private static final Pattern CSHARP = Pattern.compile("^\\s*\\[\\s*(?:Fact|Theory|Test|TestMethod|TestCase|DataTestMethod)\\b");
  private static final Pattern RUBY = Pattern.compile("^\\s*(?:it|specify|test|scenario)\\s*(?:\\(?\\s*['\"]|\\s*do\\b|\\s*\\{)|^\\s*def\\s+test_\\w*");
  private static final Pattern SWIFT = Pattern.compile("^\\s*(?:@Test\\b|func\\s+test\\w*\\s*\\()");
  private static final Pattern PHP = Pattern.compile("^\\s*(?:public\\s+)?function\\s+test\\w*\\s*\\(|^\\s*(?:/\\*\\*?|\\*)\\s*@test\\b|^\\s*#\\[Test\\]");
  private static final Pattern NATIVE = Pattern.compile("^\\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST|TEST_CASE|SCENARIO)\\s*\\(");
  private static final Pattern ELIXIR = Pattern.compile("^\\s*test\\s+\"");

  private TestCounter() {}

  /** The declaration pattern for the file's framework, or empty when the extension is unknown. */
  public static Optional<Pattern> declaration(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String extension = lower.substring(lower.lastIndexOf('.') + 1);
    return Optional.ofNullable(switch (extension) {
      case "py" -> PYTHON;
      case "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts" -> JAVASCRIPT;
      case "go" -> GO;
      case "rs" -> RUST;
      case "java", "groovy", "scala" -> JVM;
      case "kt", "kts" -> Pattern.compile(JVM.pattern() + "|" + KOTLIN_SPEC.pattern());
      case "cs" -> CSHARP;
      case "rb" -> RUBY;
      case "swift" -> SWIFT;
      case "php" -> PHP;
      case "c", "cc", "cpp", "cxx" -> NATIVE;
      case "ex", "exs" -> ELIXIR;
      default -> null;
    });
  }

  /** Test cases declared in {@code lines} of {@code path}, or empty when the framework is unknown. */
  public static Optional<Integer> count(String path, List<String> lines) {
    return declaration(path).map(pattern -> (int) lines.stream().filter(line -> pattern.matcher(line).find()).count());
  }
}
