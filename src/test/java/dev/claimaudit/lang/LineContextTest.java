package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lines above a line that rules consult, found by indentation. */
class LineContextTest {

  private static List<String> enclosing(Language language, String text, int line) {
    return LineContext.enclosing(Lexer.lex(language, text), line).stream().map(String::strip).toList();
  }

  @Test
  void aPythonMethodIsEnclosedByItsDefItsDecoratorsAndItsClass() {
    String code = """
        @dataclass
        class Shape(ABC):
            size = 1

            @property
            @abstractmethod
            def area(self):
                \"\"\"The area.
          Oddly indented docstring line.
                \"\"\"
                raise NotImplementedError
        """;

    assertThat(enclosing(Language.PYTHON, code, 11))
        .containsExactly("raise NotImplementedError", "def area(self):", "@abstractmethod", "@property", "class Shape(ABC):", "@dataclass");
  }

  @Test
  void aDecoratorOfAnEarlierMethodDoesNotEnclose() {
    String code = """
        class Shape:
            @abstractmethod
            def a(self): ...
            def b(self):
                raise NotImplementedError
        """;

    assertThat(enclosing(Language.PYTHON, code, 5)).containsExactly("raise NotImplementedError", "def b(self):", "class Shape:");
  }

  @Test
  void wrappedParametersAndBracesOnTheirOwnLineContinueTheHeaderAbove() {
    String python = """
        def area(
            self,
        ) -> float:
            raise NotImplementedError
        """;
    String csharp = """
        public class Exporter
        {
            public int Rows()
            {
                throw new NotImplementedException();
            }
        }
        """;

    assertThat(enclosing(Language.PYTHON, python, 4)).containsExactly("raise NotImplementedError", ") -> float:", "def area(");
    assertThat(enclosing(Language.CSHARP, csharp, 5))
        .containsExactly("throw new NotImplementedException();", "{", "public int Rows()", "{", "public class Exporter");
  }

  /** A closing bracket that opens the block goes on from the header above: a Go condition that wraps a literal, an else branch. */
  @Test
  void aClosingBracketThatOpensTheBlockContinuesTheHeaderAbove() {
    String go = "func TestCache(t *testing.T) {\n\tif got, want := cache.Get(), []string{\n\t\t\"a\",\n\t}; !slices.Equal(got, want) {\n"
        + "\t\tt.Fatal(got)\n\t}\n}\n";
    String java = "void export() {\n  if (ready) {\n    run();\n  } else {\n    throw new IllegalStateException();\n  }\n}\n";

    assertThat(enclosing(Language.GO, go, 5))
        .containsExactly("t.Fatal(got)", "}; !slices.Equal(got, want) {", "if got, want := cache.Get(), []string{",
            "func TestCache(t *testing.T) {");
    assertThat(enclosing(Language.JAVA, java, 5))
        .containsExactly("throw new IllegalStateException();", "} else {", "if (ready) {", "void export() {");
  }

  @Test
  void tabsCountAsIndentation() {
    String go = "func (s *fakeStore) Get() {\n\tif ok {\n\t\tpanic(\"x\")\n\t}\n}\n";

    assertThat(enclosing(Language.GO, go, 3)).containsExactly("panic(\"x\")", "if ok {", "func (s *fakeStore) Get() {");
  }

  @Test
  void aTopLevelLineHasOnlyItselfAndItsAnnotations() {
    String rust = "#[test]\n#[ignore]\nfn slow() {}\nfn other() {}\n";

    assertThat(enclosing(Language.RUST, rust, 3)).containsExactly("fn slow() {}", "#[ignore]", "#[test]");
    assertThat(enclosing(Language.RUST, rust, 4)).containsExactly("fn other() {}");
  }

  @Test
  void thePreviousCodeLinePassesOverBlankLinesCommentsAndDocstrings() {
    String code = "def test_x():\n    \"\"\"Doc.\"\"\"\n\n    # note\n    pass\n";
    LexedText lexed = Lexer.lex(Language.PYTHON, code);

    assertThat(LineContext.previousCode(lexed, 5)).hasValue("def test_x():");
    assertThat(LineContext.previousCode(lexed, 1)).isEmpty();
  }

  @Test
  void anAnnotationLineIsOneThatStartsWithAnAtSignOrABracket() {
    String java = "class FooTest {\n  /** Not {@code @Test}: javadoc. */\n  @Test\n  void works() {}\n}\n";
    String javadocOnly = "class Foo {\n  /**\n   * @Test is not here\n   */\n  void works() { int[] a = new int[1]; }\n}\n";

    assertThat(LineContext.anyAnnotationLine(java, line -> line.contains("@Test"))).isTrue();
    assertThat(tried(java)).containsExactly("  @Test");
    assertThat(LineContext.anyAnnotationLine(javadocOnly, line -> line.contains("@Test"))).isFalse();
    assertThat(tried("#[test]\r\nfn a() {}\r\n\t[Fact]\rpublic void B() {}")).containsExactly("#[test]", "\t[Fact]");
  }

  /**
   * Every line {@link LineContext#annotations} gives for any line of a text is a line that
   * {@link LineContext#anyAnnotationLine} tries, on generated texts (comments, strings, line ends of
   * every kind, unusual white space) and on every file of this project.
   */
  @Test
  void everyAnnotationOfALexedTextIsTriedWithoutLexing() throws IOException {
    Random random = new Random(17);
    String[] parts = {"@Test", "#[test]", "[Fact]", "@", "[", "#", "void run() {", "}", "/*", "*/", " * @param x", "\"", "'", "//",
        "x[0] = 1;", "  ", "\t", "\u000b", "\u2003", "\f", "\n", "\r\n", "\r", "\n", "\n"};
    for (int n = 0; n < 3_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int count = random.nextInt(40); count > 0; count--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      assertAnnotationsTried(Language.values()[random.nextInt(Language.values().length)], text.toString());
    }
    for (Path file : ProjectSources.under("src", "bin")) {
      assertAnnotationsTried(Language.of(file.toString()).orElseThrow(), Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  private static void assertAnnotationsTried(Language language, String text) {
    LexedText lexed = Lexer.lex(language, text);
    Set<String> tried = Set.copyOf(tried(text));
    for (int line = 1; line <= lexed.lineCount(); line++) {
      assertThat(tried).as(text).containsAll(LineContext.annotations(lexed, line));
    }
  }

  private static List<String> tried(String text) {
    List<String> tried = new ArrayList<>();
    LineContext.anyAnnotationLine(text, line -> !tried.add(line));
    return tried;
  }
}
