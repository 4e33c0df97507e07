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
 * The lexer passes over a run of code characters that open nothing in its language (no comment,
 * literal or heredoc starts there) in one step; it must mark every character as it does when it
 * looks at each one alone, in every language.
 */
class LexerPlainRunsTest {

  /** Words and blanks between the characters that open and close comments, strings, heredocs and interpolations. */
  @Provide
  Arbitrary<String> codeLikeText() {
    Arbitrary<String> syntax = Arbitraries.strings().withChars("\"'`/*#\\\n\r$({[<>]})=~%?@-!:;.,+").ofMinLength(1).ofMaxLength(4);
    Arbitrary<String> words = Arbitraries.of("r", "b", "br", "R", "u8R", "f", "q", "Q", "w", "s", "x", "EOF", "end", "begin",
        "return", "typeof", "if", "def", "_", "a1", "  ", "\t", " ", "0x1F", "foo_bar");
    return Arbitraries.oneOf(syntax, words).list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Property(tries = 400)
  void runsOfPlainCharactersAreMarkedAsOneByOne(@ForAll("codeLikeText") String text, @ForAll Language language) {
    assertThat(Lexer.lex(language, text).tokens()).isEqualTo(Lexer.lex(language, text, false).tokens());
  }

  @Test
  void theProjectsOwnSourcesAndFixturesLexTheSameInEveryLanguage() throws IOException {
    List<Path> files = ProjectSources.under("src/main/java", "src/test/resources");
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Language language : Language.values()) {
        assertThat(Lexer.lex(language, text).tokens()).as("%s read as %s", file, language)
            .isEqualTo(Lexer.lex(language, text, false).tokens());
      }
    }
  }
}
