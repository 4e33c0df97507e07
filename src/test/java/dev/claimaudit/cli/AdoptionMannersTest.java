package dev.claimaudit.cli;

import static dev.claimaudit.testing.Processes.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small things a new user meets first: each says what it means, in the words the user typed. */
class AdoptionMannersTest {
  @TempDir Path dir;

  private void repository() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n").commit("Return two from parse");
    }
  }

  @Test
  void helpAndVersionWorkAsWords() {
    CliRun help = CliRun.of("help");
    CliRun helpOfACommand = CliRun.of("help", "pre-push");
    CliRun version = CliRun.of("version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: audit");
    assertThat(helpOfACommand.out()).startsWith("Usage: audit pre-push");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).isEqualTo(CliRun.of("--version").out()).startsWith("claim-audit ");
  }

  @Test
  void oneFileIsOneFileAndTheTextEndsWithWhatToDoNext() {
    repository();

    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 file scanned with ").doesNotContain("1 files").contains("\nNext: nothing to do");
  }

  @Test
  void aMissingPrBodyFileSaysNoSuchFile() {
    repository();

    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--pr-body-file", dir.resolve("nope.md").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("audit: cannot read PR body " + dir.resolve("nope.md") + ": no such file\n");
  }

  @Test
  void aReportIntoAMissingDirectoryFailsBeforeAnythingIsPrinted() {
    repository();

    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--report", "json=/missing/dir/x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("audit: cannot write report /missing/dir/x.json: no such directory /missing/dir\n");
  }

  @Test
  void withoutMainTheDefaultRangeFallsBackAndTheTextSaysWhichAndWhy() {
    Path remote = dir.resolve("remote.git");
    Path work = dir.resolve("work");
    git(dir, "init", "-q", "--bare", "-b", "trunk", remote.toString());
    try (TestRepo repo = TestRepo.init(work)) {
      repo.write("a.txt", "a\n").commit("Start");
    }
    git(work, "branch", "-m", "main", "master");
    git(work, "remote", "add", "origin", remote.toString());
    git(work, "push", "-q", "origin", "master");
    git(work, "fetch", "-q", "origin");
    git(work, "checkout", "-q", "-b", "topic");
    git(work, "branch", "-q", "-D", "master");
    try (TestRepo repo = TestRepo.init(work)) {
      repo.write("b.txt", "b\n").commit("Add b");
    }

    CliRun run = CliRun.of("--repo", work.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("range origin/master..HEAD (no upstream is set and there is no main or origin/HEAD or origin/main, "
        + "so the base is origin/master): 1 commit");
  }

  @Test
  void auditConfigRefusesWhatAnAuditRefusesAndAcceptsDurationsInBothTimeouts() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(".claim-audit.yml", "version: 1\nllm:\n  timeout: 30s\ndynamic:\n  timeout: 10m\n").commit("Policy with durations");
      repo.branch("bad").write(".claim-audit.yml", "version: 1\nllm:\n  timeout: soon\n").commit("A policy the audit refuses");
    }

    CliRun good = CliRun.of("config", "--repo", dir.toString(), "--range", "main");
    CliRun badConfig = CliRun.of("config", "--repo", dir.toString(), "--range", "bad", "--policy-from", "head");
    CliRun badAudit = CliRun.of("--repo", dir.toString(), "--range", "bad", "--policy-from", "head");

    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(badAudit.exitCode()).isEqualTo(2);
    assertThat(badConfig.exitCode()).isEqualTo(2);
    assertThat(badConfig.err()).isEqualTo(badAudit.err()).contains("llm.timeout: must be a duration from 1s to 1h");
  }

  @Test
  void auditConfigInAPushJobDoesNotReadThePushPayloadAsAPullRequest() throws Exception {
    repository();
    Path push = dir.resolve("push.json");
    Files.writeString(push, "{\"ref\": \"refs/heads/main\", \"commits\": []}");

    CliRun run = CliRun.withEnv(Map.of("GITHUB_EVENT_NAME", "push", "GITHUB_EVENT_PATH", push.toString()), "",
        "config", "--repo", dir.toString(), "--range", "main..feature");

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void fishCompletesCommandsAndOptionsUnderBothNames() throws Exception {
    String script = CliRun.of("completion", "fish").out();

    assertThat(script).contains("for command in audit claim-audit\n")
        .contains("complete -c $command -n '__fish_use_subcommand' -a 'pre-push'")
        .contains("complete -c $command -n '__fish_seen_subcommand_from kb' -a 'stats'")
        .contains("-l format -x -a 'text json markdown gitea-comment sarif rdjson rdjsonl annotations summary'");
    assertThat(CliRun.of("completion", "bash").out()).contains("\ncomplete -F _complete_audit -o default claim-audit\n");
    assumeTrue(Processes.run(dir, Map.of(), "", List.of("sh", "-c", "command -v fish")).exitCode() == 0, "fish is not installed");
    Path file = dir.resolve("audit.fish");
    Files.writeString(file, script);
    assertThat(Processes.run(dir, Map.of(), "", List.of("fish", "--no-execute", file.toString())).exitCode()).isZero();
  }
}
