package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Test counts come from declarations in code, in every language the catalog covers. */
class TestCounterTest {

  private static int count(String path, String text) {
    return TestCounter.count(path, text.lines().toList()).orElseThrow();
  }

  @Test
  void aTestInABlockCommentADocstringOrAStringIsNotCounted() {
    String python = """
        def test_parses():
            assert parse("1") == 1

        '''
        def test_in_a_docstring():
            pass
        '''
        SOURCE = "def test_in_a_string(): pass"
        # def test_commented_out():
        """;
    String typescript = """
        /*
        it("is commented out", () => {});
        */
        const fixture = `
        it("is text in a fixture", () => {});
        `;
        it("runs", () => { expect(1).toBe(1); });
        """;

    assertThat(count("tests/test_parse.py", python)).isEqualTo(1);
    assertThat(count("src/parse.test.ts", typescript)).isEqualTo(1);
  }

  @Test
  void onlyTheGivenLinesOfTheFileAtHeadAreCountedAndTheyAreLexedInTheWholeFile() {
    String java = """
        class ParserTest {
          /*
          @Test void old() {}
          */
          @Test void added() {}
        }
        """;

    assertThat(TestCounter.count("src/test/java/ParserTest.java", java, List.of(3, 5))).hasValue(1);
  }

  @Test
  void aWholeFileIsCountedLineByLineWhateverItsLineEnds() {
    String java = "class ParserTest {\n  /*\n  @Test void old() {}\n  */\n  @Test void added() {}\n\n  @Test\n  void more() {}\n}\n";

    assertThat(TestCounter.countInFile("src/test/java/ParserTest.java", java)).hasValue(2);
    assertThat(TestCounter.countInFile("src/test/java/ParserTest.java", java.replace("\n", "\r\n"))).hasValue(2);
    assertThat(TestCounter.countInFile("src/test/java/ParserTest.java", java.replace("\n", "\r"))).hasValue(2);
    assertThat(TestCounter.countInFile("src/main/java/Parser.java", "class Parser {\n  // @Test is not here\n}")).hasValue(0);
    assertThat(TestCounter.countInFile("README.md", "@Test")).isEmpty();
  }

  @Test
  void aDeclarationAnchoredAtALineStartIsFoundOnlyAtOne() {
    // Python's pattern starts at the line: "x = 1; def test_a():" declares nothing a runner finds.
    assertThat(TestCounter.countInFile("tests/test_a.py", "x = 1; def test_a(): pass\ndef test_b():\n    assert 1\n")).hasValue(1);
  }

  @Test
  void aPatternIsAnchoredOnlyWhenEachOfItsAlternativesStartsAtTheLine() {
    assertThat(TestCounter.anchoredAtStart("^\\s*@Test\\b")).isTrue();
    assertThat(TestCounter.anchoredAtStart("^a|^(?:b|c)")).isTrue();
    assertThat(TestCounter.anchoredAtStart("^a|b")).isFalse();
    assertThat(TestCounter.anchoredAtStart("^(?:a|b)|[|^]c")).isFalse();
    assertThat(TestCounter.anchoredAtStart("^a[|]b|^\\|c")).isTrue();
    assertThat(TestCounter.anchoredAtStart("^a|")).isFalse();
    assertThat(TestCounter.anchoredAtStart("a")).isFalse();
  }

  /** Whether the pattern is tried at a line's start only or along the line, a file counts the same as its lines do. */
  @Test
  void everyLanguageCountsAWholeFileAsItsLines() {
    String text = String.join("\n",
        "@Test void a() {}", "  def test_b():", "it('c', () => {})", "  x = it('d')", "func TestE(t *testing.T) {", "#[test]",
        "[Fact]", "  test(\"f\") {", "\"g\" in {", "  it \"h\" do", "TEST(Suite, I) {", "void test_j(void) {", "  prop \"k\"");
    for (Language language : Language.values()) {
      String path = "t/x." + language.extension();
      assertThat(TestCounter.countInFile(path, text)).as(language.id()).isEqualTo(TestCounter.count(path, text.lines().toList()));
      assertThat(TestCounter.countInFile(path, "nothing here\n")).as(language.id()).isEqualTo(TestCounter.count(path, List.of("nothing here")));
    }
  }

  @Test
  void dartAndBatsTestsAreCounted() {
    assertThat(count("test/cart_test.dart", "void main() {\n  test('adds', () {});\n  testWidgets('renders', (t) async {});\n}\n"))
        .isEqualTo(2);
    assertThat(count("test/install.bats", "@test \"installs\" {\n  run install\n}\n# @test \"old\" {\n")).isEqualTo(1);
  }

  @Test
  void everyLanguageWithTestRulesHasADeclarationPattern() {
    for (Language language : Language.values()) {
      assertThat(TestCounter.declaration(language)).as(language.id()).isPresent();
    }
  }

  @Test
  void aSourceFileDeclaresTestsThroughItsOwnTestModuleOrTopLevelTestCalls() {
    assertThat(TestCounter.declaresTests(Language.RUST, Lexer.lex(Language.RUST, "fn f() {}\n#[cfg(test)]\nmod tests {}\n"))).isTrue();
    assertThat(TestCounter.declaresTests(Language.RUST, Lexer.lex(Language.RUST, "fn f() {}\n// #[cfg(test)]\n"))).isFalse();
    assertThat(TestCounter.declaresTests(Language.JAVASCRIPT, Lexer.lex(Language.JAVASCRIPT, "describe('f', () => {});\n"))).isTrue();
    assertThat(TestCounter.declaresTests(Language.JAVASCRIPT, Lexer.lex(Language.JAVASCRIPT, "function f() {\n  test(x);\n}\n")))
        .isFalse();
    assertThat(TestCounter.declaresTests(Language.PYTHON, Lexer.lex(Language.PYTHON, "import pytest\n\ndef test_f():\n    pass\n")))
        .isTrue();
    assertThat(TestCounter.declaresTests(Language.PYTHON, Lexer.lex(Language.PYTHON, "def test_connection(host):\n    return 1\n")))
        .isFalse();
  }

  /**
   * A line is told to declare a test as the declaration pattern would find it anywhere in the
   * line, in every language, on generated lines (line separators of every kind among them): neither
   * what a line must hold for the pattern nor trying an anchored pattern at the start only loses one.
   */
  @Test
  void aLineDeclaresATestAsThePatternFindsIt() {
    String[] parts = {"@Test", "@Test ", "  ", "\t", "def test_a(", "func TestA(", "#[test]", "[Fact]", "it(\"", "test \"", "x", "\u2028",
        "\u0085", "\r", "void test_a() {", "\"a\" in {", "it should \"", "describe(", "@test ", "function testA(", "@TestFactory",
        "@RepeatedTest(", "def \"a\"() ", "@Property"};
    Random random = new Random(13);
    int declaring = 0;
    for (Language language : Language.values()) {
      Pattern pattern = TestCounter.declaration(language).orElseThrow();
      Predicate<String> declares = TestCounter.declaredOnLine(language).orElseThrow();
      for (int n = 0; n < 2_000; n++) {
        StringBuilder line = new StringBuilder();
        for (int count = random.nextInt(4); count >= 0; count--) {
          line.append(parts[random.nextInt(parts.length)]);
        }
        boolean expected = pattern.matcher(line).find();

        assertThat(declares.test(line.toString())).as("%s: [%s]", language, line).isEqualTo(expected);
        declaring += expected ? 1 : 0;
      }
    }
    assertThat(declaring).as("generated lines that declare a test").isGreaterThan(1_000);
  }
}
