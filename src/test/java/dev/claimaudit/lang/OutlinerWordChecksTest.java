package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The outliner tries a declaration pattern only on a header that holds one of the words every
 * match of it holds; the blocks it finds must be those it finds when it tries every pattern on
 * every header, in every language.
 */
class OutlinerWordChecksTest {

  /** Declarations of many languages, cut and joined at random, with braces and strings between. */
  @Provide
  Arbitrary<String> declarations() {
    Arbitrary<String> parts = Arbitraries.of("class A ", "interface I<T> ", "impl Iterator for B ", "enum E ", "object O : Base() ",
        "new Runnable() ", "fn run(x: u8) ", "func (s *S) Run() ", "fun `does it`() ", "function go() ", "def test_it ", "def \"spock\"() ",
        "const f = () => ", "it(\"works\", () => ", "describe('suite', ", "test(`t`, ", "t.Run(\"sub\", func(t *testing.T) ",
        "public void run() throws IOException ", "@Test void works() ", "if (x) ", "for (;;) ", "record R(int a) ", "mod m ", "union U ",
        "{", "}", ";", "\n", "  ", "(", ")", "\"", "'", "// note\n", "/* c */", "=> ", ":", "= ");
    return parts.list().ofMaxSize(40).map(list -> String.join("", list));
  }

  @Property(tries = 600)
  void wordChecksChangeNoBlock(@ForAll("declarations") String text, @ForAll Language language) {
    LexedText lexed = Lexer.lex(language, text);
    assertThat(Outliner.outline(language, lexed, true).blocks()).isEqualTo(Outliner.outline(language, lexed, false).blocks());
  }

  @Test
  void theProjectsOwnSourcesAndFixturesOutlineTheSameInEveryLanguage() throws IOException {
    List<Path> files = ProjectSources.under("src/main/java", "src/test/resources");
    assertThat(files).hasSizeGreaterThan(100);
    int blocks = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Language language : Language.values()) {
        LexedText lexed = Lexer.lex(language, text);
        List<Outline.Block> expected = Outliner.outline(language, lexed, false).blocks();
        assertThat(Outliner.outline(language, lexed, true).blocks()).as("%s read as %s", file, language).isEqualTo(expected);
        blocks += expected.size();
      }
    }
    assertThat(blocks).isGreaterThan(10_000);
  }
}
