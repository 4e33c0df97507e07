package dev.claimaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text is read the way it looks: look-alike letters are folded to Latin ones and invisible characters dropped. */
class ConfusablesTest {

  @Test
  void cyrillicAndGreekLookAlikesReadAsTheLatinLettersTheyImitate() {
    assertThat(Confusables.skeleton("not impl\u0435mented")).isEqualTo("not implemented");
    assertThat(Confusables.skeleton("t\u043Ed\u043E!()")).isEqualTo("todo!()");
    assertThat(Confusables.skeleton("\u03A4ODO")).isEqualTo("TODO");
  }

  @Test
  void fullwidthAndMathematicalLettersAreNormalised() {
    assertThat(Confusables.skeleton("\uFF54\uFF4F\uFF44\uFF4F")).isEqualTo("todo");
    assertThat(Confusables.skeleton("\uD835\uDC2D\uD835\uDC28\uD835\uDC1D\uD835\uDC28")).isEqualTo("todo");
  }

  @Test
  void invisibleCharactersAreDropped() {
    assertThat(Confusables.skeleton("to\u200Bdo")).isEqualTo("todo");
    assertThat(Confusables.skeleton("not\u00AD implemented\u2060")).isEqualTo("not implemented");
    assertThat(Confusables.skeleton("\u202Eskip\u202C")).isEqualTo("skip");
  }

  @Test
  void onlyLettersAndDigitsAreFoldedSoQuotesAndCommentMarkersKeepTheirMeaning() {
    assertThat(Confusables.skeleton("\uFF02x\uFF02 \uFF0F\uFF0F")).isEqualTo("\uFF02x\uFF02 \uFF0F\uFF0F");
  }

  @Test
  void textInOtherScriptsIsLeftAsItIs() {
    assertThat(Confusables.affects("\u672A\u5B9F\u88C5")).isFalse();
    assertThat(Confusables.affects("caf\u00E9")).isFalse();
    assertThat(Confusables.affects("plain ascii")).isFalse();
  }
}
