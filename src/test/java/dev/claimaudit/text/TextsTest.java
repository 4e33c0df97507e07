package dev.claimaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void countsAgreeWithTheirNouns() {
    assertThat(Texts.plural(1, "file")).isEqualTo("1 file");
    assertThat(Texts.plural(0, "file")).isEqualTo("0 files");
    assertThat(Texts.plural(2, "child", "children")).isEqualTo("2 children");
    assertThat(Texts.was(1) + " " + Texts.was(3)).isEqualTo("was were");
  }

  @Test
  void aShortShaIsSevenDigitsOrAsManyAsAsked() {
    assertThat(Texts.shortSha("93e3366aa6c1b3b2f0d4e5f60718293a4b5c6d7e")).isEqualTo("93e3366");
    assertThat(Texts.shortSha("93e3366aa6c1b3b2f0d4e5f60718293a4b5c6d7e", 12)).isEqualTo("93e3366aa6c1");
    assertThat(Texts.shortSha(null)).isEqualTo("none");
    assertThat(Texts.shortSha("abc")).isEqualTo("abc");
  }

  @Test
  void truncationKeepsTheLimitAndSaysItCut() {
    assertThat(Texts.truncate("abcdef", 6)).isEqualTo("abcdef");
    assertThat(Texts.truncate("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
    assertThat(Texts.truncate(null, 3)).isNull();
  }

  @Test
  void aTimeoutIsSecondsOrANumberWithAUnit() {
    assertThat(Durations.parse("90")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("1 hour")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("soon")).isEmpty();
  }
}
