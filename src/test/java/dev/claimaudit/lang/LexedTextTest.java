package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the walks over a file ask of each line, answered in place: its indent, whether it holds code, how it starts. */
class LexedTextTest {
  private final LexedText lexed = Lexer.lex(Language.JAVA,
      "class A {\r\n\t  @Test\r\n\r\n    // note\r\n  \u00a0x();\n\t\t}\n   ");

  @Test
  void theIndentCountsSpacesAndTabsToTheNextTabStop() {
    assertThat(lexed.indent(1)).isZero();
    assertThat(lexed.indent(2)).isEqualTo(10);
    assertThat(lexed.indent(4)).isEqualTo(4);
    assertThat(lexed.indent(5)).as("a no-break space ends the indent").isEqualTo(2);
    assertThat(lexed.indent(6)).isEqualTo(16);
    assertThat(lexed.indent(7)).isEqualTo(3);
  }

  @Test
  void aLineHoldsCodeWhenItsFirstVisibleCharacterIsCode() {
    assertThat(lexed.holdsCode(1)).isTrue();
    assertThat(lexed.holdsCode(2)).isTrue();
    assertThat(lexed.holdsCode(3)).as("blank").isFalse();
    assertThat(lexed.holdsCode(4)).as("a comment").isFalse();
    assertThat(lexed.holdsCode(5)).isTrue();
    assertThat(lexed.holdsCode(7)).as("white space only").isFalse();
  }

  @Test
  void aLineStartsWithWhatFollowsItsLeadingWhiteSpace() {
    assertThat(lexed.startsWith(2, "@")).isTrue();
    assertThat(lexed.startsWith(2, "@Test")).isTrue();
    assertThat(lexed.startsWith(6, "}")).isTrue();
    assertThat(lexed.startsWith(5, "\u00a0x(")).as("a no-break space is no white space here, as for String.strip").isTrue();
    assertThat(lexed.startsWith(3, "")).as("a blank line starts with nothing").isFalse();
    assertThat(lexed.startsWith(1, "{")).isFalse();
  }

  /** A line ends at a line feed, a carriage return and line feed, or a carriage return alone, with or without any of them in the text. */
  @Test
  void linesEndWhereverAnyLineEndIs() {
    Random random = new Random(3);
    // The first five parts hold no carriage return: half of the texts are made of them alone.
    String[] parts = {"a", "bc", " ", "\n", "\n\n", "\r", "\r\n"};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int count = random.nextInt(10); count > 0; count--) {
        text.append(parts[random.nextInt(random.nextBoolean() ? 5 : parts.length)]);
      }
      String[] expected = text.toString().split("\r\n|\r|\n", -1);

      LexedText lexed = Lexer.lex(Language.PYTHON, text.toString());

      assertThat(lexed.lineCount()).as(text.toString()).isEqualTo(expected.length);
      for (int line = 1; line <= expected.length; line++) {
        assertThat(lexed.line(line)).as(text.toString()).isEqualTo(expected[line - 1]);
      }
    }
  }
}
