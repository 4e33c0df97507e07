package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
