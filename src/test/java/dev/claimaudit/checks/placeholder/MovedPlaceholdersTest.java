package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line is compared with removed lines in one normal form: no white space, no comma a bracket closes, no trailing comma or semicolon. */
class MovedPlaceholdersTest {
  @Test
  void aLineIsReadWithoutItsWhiteSpaceAndItsLooseCommas() {
    assertThat(MovedPlaceholders.normal("  foo(a, b,\t)  ;")).isEqualTo("foo(a,b)");
    assertThat(MovedPlaceholders.normal("todo!(),")).isEqualTo("todo!()");
    assertThat(MovedPlaceholders.normal("[1, 2,]\r")).isEqualTo("[1,2]");
    assertThat(MovedPlaceholders.normal("a,,;,")).isEqualTo("a");
    assertThat(MovedPlaceholders.normal("f(x;,)")).isEqualTo("f(x;)");
    assertThat(MovedPlaceholders.normal("")).isEmpty();
  }

  /** The normal form as two replacements by pattern state it; the one pass must agree on any line. */
  @Test
  void theOnePassAgreesWithThePatternsThatDefineTheForm() {
    Pattern space = Pattern.compile("\\s+");
    Pattern looseComma = Pattern.compile(",(?=[)\\]}>])|[,;]+$");
    String alphabet = " \t\r\f\u000B,;)]}>(a";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = looseComma.matcher(space.matcher(line).replaceAll("")).replaceAll("");
      assertThat(MovedPlaceholders.normal(line.toString())).as("[%s]", line).isEqualTo(expected);
    }
  }
}
