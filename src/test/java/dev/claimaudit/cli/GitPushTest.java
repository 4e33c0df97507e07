package dev.claimaudit.cli;

import static dev.claimaudit.testing.Processes.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed hook under a real {@code git push} to a local bare repository. */
class GitPushTest {
  @TempDir Path dir;

  @Test
  void theHookStopsAPushThatClaimsTooMuchAndLetsTheFixedOneThrough() throws Exception {
    Path remote = dir.resolve("remote.git");
    Path work = dir.resolve("work");
    Files.createDirectories(work);
    assertThat(git(dir, "init", "--bare", "-b", "main", remote.toString()).exitCode()).isZero();
    git(work, "init", "-b", "main");
    git(work, "remote", "add", "origin", remote.toString());
    Path launcher = Processes.auditLauncher(dir.resolve("bin"));

    CliRun install = CliRun.withEnv(Map.of("CLAIM_AUDIT_LAUNCHER", launcher.toString()), "", "install-hook", "--repo", work.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(Files.readString(work.resolve(".git/hooks/pre-push"))).contains("installed_audit='" + launcher + "'");

    Files.createDirectories(work.resolve("src"));
    Files.writeString(work.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n");
    commit(work, "Initial parser");
    Processes.Result first = git(work, "push", "origin", "main");
    assertThat(first.exitCode()).as(first.err()).isZero();

    Files.writeString(work.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n");
    commit(work, "Implement import, done");
    Processes.Result blocked = git(work, "push", "origin", "main");
    assertThat(blocked.exitCode()).isNotZero();
    assertThat(blocked.err()).contains("rs-todo-macro").contains("claim-audit: push stopped: refs/heads/main")
        .contains("failed to push some refs");
    assertThat(head(remote, "main")).isNotEqualTo(head(work, "HEAD"));

    Files.writeString(work.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    parse() + 1\n}\n");
    commit(work, "Write import instead of the todo");
    Processes.Result fixed = git(work, "push", "origin", "main");
    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    assertThat(fixed.err()).contains("claim-audit: pass");
    assertThat(head(remote, "main")).isEqualTo(head(work, "HEAD"));
  }

  @Test
  void claimAuditSkipPushesABlockingCommitWithANotice() throws Exception {
    Path remote = dir.resolve("remote.git");
    Path work = dir.resolve("work");
    Files.createDirectories(work.resolve("src"));
    git(dir, "init", "--bare", "-b", "main", remote.toString());
    git(work, "init", "-b", "main");
    git(work, "remote", "add", "origin", remote.toString());
    Path launcher = Processes.auditLauncher(dir.resolve("bin"));
    CliRun.withEnv(Map.of("CLAIM_AUDIT_LAUNCHER", launcher.toString()), "", "install-hook", "--repo", work.toString());
    Files.writeString(work.resolve("src/lib.rs"), "pub fn import() -> u32 {\n    todo!()\n}\n");
    commit(work, "Implement import, done");

    Processes.Result pushed = git(work, Map.of("CLAIM_AUDIT_SKIP", "1"), "push", "origin", "main");

    assertThat(pushed.exitCode()).as(pushed.err()).isZero();
    assertThat(pushed.err()).contains("claim-audit: CLAIM_AUDIT_SKIP is set, so this push is not audited");
    assertThat(head(remote, "main")).isEqualTo(head(work, "HEAD"));
  }

  private static void commit(Path work, String message) {
    assertThat(git(work, "add", "-A").exitCode()).isZero();
    Processes.Result commit = git(work, "commit", "-q", "-m", message);
    assertThat(commit.exitCode()).as(commit.err()).isZero();
  }

  private static String head(Path repository, String ref) {
    return git(repository, "rev-parse", ref).out().strip();
  }
}
