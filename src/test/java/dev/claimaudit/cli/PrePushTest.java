package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-push command fed git's hook input directly; {@link GitPushTest} runs it under a real {@code git push}. */
class PrePushTest {
  private static final String ZERO = "0".repeat(40);
  private static final String DONE_WITH_TODO = "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n";

  @TempDir Path dir;

  @Test
  void emptyInputMeansNothingToPush() {
    CliRun run = prePush(Map.of(), "");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void claimAuditSkipLetsThePushThroughWithANotice() {
    CliRun run = prePush(Map.of("CLAIM_AUDIT_SKIP", "1"), "refs/heads/main " + "a".repeat(40) + " refs/heads/main " + ZERO + "\n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err().strip()).isEqualTo("claim-audit: CLAIM_AUDIT_SKIP is set, so this push is not audited");
  }

  @Test
  void aLineThatIsNotGitsProtocolIsExitTwo() {
    CliRun run = prePush(Map.of(), "refs/heads/main HEAD refs/heads/main\n");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("line 1 of standard input is not '<local-ref> <local-sha> <remote-ref> <remote-sha>'");
  }

  @Test
  void linesSplitFromTheRightSoALocalRefMayHoldSpaces() {
    String sha = "b".repeat(40);
    List<PrePushCommand.Update> updates = PrePushCommand.updates("HEAD~1 with space " + sha + " refs/heads/x " + ZERO + "\n\n");

    assertThat(updates).containsExactly(new PrePushCommand.Update("HEAD~1 with space", sha, "refs/heads/x", ZERO));
    assertThat(updates.get(0).deletion()).isFalse();
    assertThatThrownBy(() -> PrePushCommand.updates("x " + sha + " refs/heads/x 123\n")).isInstanceOf(BadInputException.class);
  }

  @Test
  void aDeletionIsSkipped() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").commit("a");
    }

    CliRun run = prePush(Map.of(), "(delete) " + ZERO + " refs/heads/old " + "c".repeat(40) + "\n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("origin refs/heads/old: deleted, nothing to audit");
  }

  @Test
  void anUpdatedBranchIsAuditedFromTheRemoteShaAndBlocks() {
    String before;
    String after;
    try (TestRepo repo = TestRepo.init(dir)) {
      before = repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commitId("Initial parser");
      after = repo.write("src/lib.rs", DONE_WITH_TODO).commitId("Implement import, done");
    }

    CliRun run = prePush(Map.of(), "refs/heads/main " + after + " refs/heads/main " + before + "\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("claim-audit: origin refs/heads/main, " + before + ".." + after)
        .contains("rs-todo-macro").contains("claim-audit: push stopped: refs/heads/main claims more than its code backs.")
        .contains("git push --no-verify");
  }

  @Test
  void aNewBranchIsAuditedOnlyForTheCommitsOnNoRemoteTrackingBranch() throws Exception {
    String head;
    try (TestRepo repo = TestRepo.init(dir)) {
      String pushed = repo.write("src/lib.rs", DONE_WITH_TODO).commitId("Implement import, done");
      track(repo, "refs/remotes/origin/main", pushed);
      head = repo.branch("feature").write("README.md", "# importer\n").commitId("Describe the importer");
    }

    CliRun run = prePush(Map.of(), "refs/heads/feature " + head + " refs/heads/feature " + ZERO + "\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 commit").doesNotContain("rs-todo-macro");
  }

  @Test
  void aNewBranchWithNothingNewIsNotAudited() throws Exception {
    String head;
    try (TestRepo repo = TestRepo.init(dir)) {
      head = repo.write("src/lib.rs", DONE_WITH_TODO).commitId("Implement import, done");
      track(repo, "refs/remotes/upstream/main", head);
    }

    CliRun run = prePush(Map.of(), "refs/heads/copy " + head + " refs/heads/copy " + ZERO + "\n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("refs/heads/copy: no commit the remote lacks, nothing to audit");
  }

  @Test
  void theFirstPushToAnEmptyRemoteAuditsTheWholeHistory() {
    String head;
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", DONE_WITH_TODO).commit("Implement import, done");
      head = repo.write("README.md", "# importer\n").commitId("Describe the importer");
    }

    CliRun run = prePush(Map.of(), "refs/heads/main " + head + " refs/heads/main " + ZERO + "\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("(all of its history)").contains("2 commits").contains("rs-todo-macro");
  }

  @Test
  void severalRefsAreAuditedAndOneBlockingRefStopsThePush() throws Exception {
    String base;
    String clean;
    String bad;
    try (TestRepo repo = TestRepo.init(dir)) {
      base = repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commitId("Initial parser");
      track(repo, "refs/remotes/origin/main", base);
      clean = repo.branch("docs").write("README.md", "# parser\n").commitId("Describe the parser");
      repo.checkout("main");
      bad = repo.branch("import").write("src/lib.rs", DONE_WITH_TODO).commitId("Implement import, done");
    }

    CliRun run = prePush(Map.of(), "refs/heads/docs " + clean + " refs/heads/docs " + ZERO + "\n"
        + "refs/heads/import " + bad + " refs/heads/import " + ZERO + "\n");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).as("a passing ref takes one line").containsOnlyOnce("refs/heads/docs")
        .contains("claim-audit: pass — ").contains("(origin refs/heads/docs, " + base + ".." + clean + ", 1 commit)")
        .contains("claim-audit: origin refs/heads/import, " + base + ".." + bad)
        .contains("claim-audit: push stopped: refs/heads/import claims");
  }

  private CliRun prePush(Map<String, String> env, String stdin) {
    return CliRun.withEnv(env, stdin, "pre-push", "--repo", dir.toString(), "origin", "git@example.invalid:acme/widget.git");
  }

  private static void track(TestRepo repo, String ref, String sha) throws Exception {
    RefUpdate update = repo.git().getRepository().updateRef(ref);
    update.setNewObjectId(ObjectId.fromString(sha));
    update.forceUpdate();
  }
}
