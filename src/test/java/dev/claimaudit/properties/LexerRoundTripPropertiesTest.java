package dev.claimaudit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Lexer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The comment and string lexer on any file, in any language: it ends in linear time and its tokens give the file back. */
class LexerRoundTripPropertiesTest {

  /** Source-shaped text: the openers and closers of comments, strings, heredocs and interpolations, or anything at all. */
  @Provide
  Arbitrary<String> files() {
    Arbitrary<String> pieces = Arbitraries.of(
        "\"", "'", "`", "\"\"\"", "'''", "/*", "*/", "//", "#", "--", "<!--", "-->", "${", "#{", "$(", "\\(", "{", "}", "r\"", "r#\"",
        "\"#", "@\"", "$\"", "R\"(", ")\"", "<<EOF\n", "<<-'END'\n", "EOF\n", "=begin\n", "=end\n", "\\", "\n", "\r\n", "\r", " ",
        "\t", "todo!()", "raise NotImplementedError", "// TODO", "/", "=~ /x/", "?", "%q(", "\u0000", "\ufeff", "é", "𝄞");
    Arbitrary<String> shaped = pieces.list().ofMaxSize(80).map(list -> String.join("", list));
    return Arbitraries.oneOf(shaped, shaped, Arbitraries.strings().all().ofMaxLength(300));
  }

  @Property
  void lexingThenJoiningGivesTheFileBack(@ForAll("files") String file, @ForAll Language language) {
    LexedText lexed = Bounds.withinBound("lexing " + language, file, text -> Lexer.lex(language, text));

    assertThat(lexed.tokens().stream().map(LexedText.Token::text).collect(Collectors.joining())).isEqualTo(file);
  }

  @Property
  void everyLineOfTheFileCanBeReadBack(@ForAll("files") String file, @ForAll Language language) {
    LexedText lexed = Lexer.lex(language, file);

    StringBuilder lines = new StringBuilder();
    for (int line = 1; line <= lexed.lineCount(); line++) {
      String text = lexed.line(line);
      assertThat(text).doesNotContain("\n").doesNotContain("\r");
      for (int column = 0; column < text.length(); column++) {
        assertThat(lexed.regionAt(line, column)).isNotNull();
      }
      lines.append(text);
    }
    assertThat(lines.toString()).isEqualTo(file.replace("\r", "").replace("\n", ""));
  }

  @Property(tries = 12)
  void lexingGrowsLinearlyWithTheFile(@ForAll("files") String seed, @ForAll Language language) {
    Bounds.growsLinearly("lexing " + language, seed + "\n", 40_000, text -> Lexer.lex(language, text));
  }
}
