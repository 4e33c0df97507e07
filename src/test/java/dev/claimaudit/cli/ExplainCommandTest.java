package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  @Test
  void explainsTitleClassLanguagesRationaleExamplesAndSuppression() {
    CliRun run = CliRun.of("explain", "py-raise-not-implemented");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("py-raise-not-implemented: raise NotImplementedError\n")
        .contains("  class      hard-stub\n", "  languages  python\n", "  looks in   code, all files\n")
        .contains("The function has no implementation; calling it fails at run time.")
        .contains("Finds:\n  - raise NotImplementedError\n")
        .contains("Leaves alone:\n  - # raise NotImplementedError\n")
        .contains("  - class Shape(ABC):\n        def area(self):\n            raise NotImplementedError\n")
        .endsWith("  # claim-audit: allow(py-raise-not-implemented) <reason>\n");
  }

  @Test
  void theSuppressionIsWrittenInTheCommentSyntaxOfTheRulesLanguage() {
    assertThat(CliRun.of("explain", "rs-todo-macro").out()).contains("  // claim-audit: allow(rs-todo-macro) <reason>\n");
    assertThat(CliRun.of("explain", "sh-not-implemented").out()).contains("  # claim-audit: allow(sh-not-implemented) <reason>\n");
  }

  @Test
  void examplesInAnotherLanguageNameIt() {
    CliRun run = CliRun.of("explain", "todo-marker");

    assertThat(run.out()).contains("  languages  all languages\n", "  - # FIXME wrong for negative numbers (python)\n");
  }

  @Test
  void aContextRuleSaysWhatTheLineAboveMustBe() {
    CliRun run = CliRun.of("explain", "junit-empty-test");

    assertThat(run.out()).contains("  only after a code line matching @", "  looks in   code, test files only\n",
        "  - @Test\n    void parsesEmptyInput() {}\n");
  }

  @Test
  void anUnknownRuleIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("explain", "todo");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(
        "audit: unknown rule 'todo' (did you mean todo-marker, rs-todo-macro, kotlin-todo-call?); audit rules lists them\n");
  }

  @Test
  void aRuleIdWithControlCharactersIsPrintedSafely() {
    CliRun run = CliRun.of("explain", "nope\u001b[31m");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\u001b").contains("\\u001b").hasLineCount(1);
  }

  @Test
  void aMissingRuleIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("explain");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
  }
}
