package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** On any text, in any language, the lexer ends and its tokens give the text back. */
class LexerPropertiesTest {

  /** Texts made mostly of the characters that open and close comments, strings and interpolations. */
  @Provide
  Arbitrary<String> syntaxHeavyText() {
    return Arbitraries.strings()
        .withChars("\"'`/*#\\\n\r$({[<>]})=~%?@rRbu8 aEOF-")
        .withCharRange('a', 'c')
        .ofMaxLength(300);
  }

  @Property(tries = 300)
  void joiningTheTokensGivesBackTheText(@ForAll("syntaxHeavyText") String text, @ForAll Language language) {
    LexedText lexed = Lexer.lex(language, text);

    String joined = lexed.tokens().stream().map(LexedText.Token::text).collect(Collectors.joining());

    assertThat(joined).isEqualTo(text);
  }

  @Property(tries = 200)
  void adjacentTokensAreInDifferentRegions(@ForAll("syntaxHeavyText") String text, @ForAll Language language) {
    var tokens = Lexer.lex(language, text).tokens();

    for (int i = 1; i < tokens.size(); i++) {
      assertThat(tokens.get(i).region()).isNotEqualTo(tokens.get(i - 1).region());
    }
  }

  @Property(tries = 50)
  void deeplyNestedInterpolationsDoNotExhaustTheStack(@ForAll Language language) {
    String text = "x = \"${`#{$(\\(".repeat(5_000) + "\n";

    assertThat(Lexer.lex(language, text).tokens().stream().map(LexedText.Token::text).collect(Collectors.joining())).isEqualTo(text);
  }
}
