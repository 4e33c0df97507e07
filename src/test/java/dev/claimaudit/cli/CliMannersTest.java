package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliMannersTest {
  static final Path MAN_PAGE = Path.of("docs", "man", "audit.1");

  @TempDir Path dir;

  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("claim-audit ");
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "pre-push", "install-hook", "completion", "man"})
  void everyCommandsHelpHasExamplesAndExitCodes(String command) {
    CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: audit" + (command.isEmpty() ? "" : " " + command)).contains("\nExamples:\n  audit")
        .contains("Exit codes: 0");
  }

  @Test
  void aBadOptionOfASubcommandPointsAtThatCommandsHelp() {
    CliRun run = CliRun.of("install-hook", "--frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).endsWith("(see audit install-hook --help)");
  }

  @Test
  void bashCompletesCommandsOptionsAndFormats() throws Exception {
    Path script = dir.resolve("audit.bash");
    Files.writeString(script, CliRun.of("completion", "bash").out());
    String complete = "source '" + script + "'\n"
        + "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=();"
        + " _complete_audit 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
        + "c audit --form\nc audit --format ''\nc audit pre\nc audit completion ''\n";

    Processes.Result result = Processes.run(dir, Map.of(), "", List.of("bash", "-c", complete));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList()).containsExactly(
        "--format", "text json markdown gitea-comment sarif rdjson rdjsonl annotations summary", "pre-push", "bash zsh fish");
  }

  @Test
  void zshLoadsTheCompletionThroughBashcompinit() throws Exception {
    assumeTrue(Processes.run(dir, Map.of(), "", List.of("sh", "-c", "command -v zsh")).exitCode() == 0, "zsh is not installed");
    Path script = dir.resolve("audit.zsh");
    String text = CliRun.of("completion", "zsh").out();
    Files.writeString(script, text);

    Processes.Result result = Processes.run(dir, Map.of("HOME", dir.toString()), "",
        List.of("zsh", "-f", "-c", "source '" + script + "' && whence -w _complete_audit && print -r -- ${_comps[audit]}"));

    assertThat(text).startsWith("# Completion for audit in zsh");
    assertThat(result.out()).as(result.err()).contains("_complete_audit: function").contains("_complete_audit");
  }

  @Test
  void anUnknownShellIsExitTwo() {
    CliRun run = CliRun.of("completion", "tcsh");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("audit: completion: unknown shell 'tcsh': use bash, zsh or fish");
  }

  @Test
  void theCommittedManPageIsTheGeneratedOne() throws Exception {
    CliRun run = CliRun.of("man");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).as("docs/man/audit.1 is out of date: regenerate it with `bin/audit man > docs/man/audit.1`")
        .isEqualTo(Files.readString(MAN_PAGE));
    assertThat(run.out()).contains(".SS \"audit pre\\-push\"").contains(".SH EXIT STATUS").contains("install\\-hook");
  }

  @Test
  void groffRendersTheManPageWithoutWarnings() {
    assumeTrue(Processes.run(dir, Map.of(), "", List.of("sh", "-c", "command -v groff")).exitCode() == 0, "groff is not installed");

    Processes.Result result = Processes.run(dir, Map.of(), "", List.of("groff", "-man", "-Tutf8", "-ww", "-z", MAN_PAGE.toAbsolutePath().toString()));

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void roffEscapingKeepsTextLiteral() {
    assertThat(ManPage.escape(".hidden --flag C:\\dir \u2014 done")).isEqualTo("\\&.hidden \\-\\-flag C:\\edir \\[u2014] done");
  }

  @Test
  void progressIsSilentWhenStandardErrorIsNotATerminal() throws Exception {
    StringWriter err = new StringWriter();
    try (Progress progress = Progress.on(new PrintWriter(err, true), false)) {
      progress.stage("reading main..HEAD");
      Thread.sleep(Progress.DELAY_MILLIS + 300);
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void progressOnATerminalShowsTheStageAfterADelayAndWipesItsLine() throws Exception {
    StringWriter err = new StringWriter();
    try (Progress progress = Progress.on(new PrintWriter(err, true), true)) {
      progress.stage("reading main..HEAD");
      assertThat(err.toString()).isEmpty();
      Thread.sleep(Progress.DELAY_MILLIS + 300);
    }

    assertThat(err.toString()).startsWith("\r\u001b[Kclaim-audit: reading main..HEAD… ").endsWith("\r\u001b[K");
  }
}
