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

/**
 * A hook committed with the repository (core.hooksPath, as husky does) works in a teammate's clone
 * where claim-audit lives somewhere else: the hook finds the tool when it runs, not where it was
 * installed. It says one line on a pass, the findings on a block, and how to install the tool when
 * there is none.
 */
class SharedHookTest {
  @TempDir Path dir;

  @Test
  void aCommittedHookFindsTheToolInASecondCloneWhereItLivesElsewhere() throws Exception {
    Path remote = dir.resolve("remote.git");
    Path first = dir.resolve("first");
    Files.createDirectories(first.resolve("src"));
    assertThat(git(dir, "init", "--bare", "-b", "main", remote.toString()).exitCode()).isZero();
    git(first, "init", "-b", "main");
    git(first, "config", "core.hooksPath", ".githooks");
    git(first, "remote", "add", "origin", remote.toString());
    Path installedTool = Processes.auditLauncher(dir.resolve("tool-of-the-first"));
    CliRun install = CliRun.withEnv(Map.of("CLAIM_AUDIT_LAUNCHER", installedTool.toString()), "", "install-hook", "--repo", first.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    Files.writeString(first.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n");
    commit(first, "Initial parser with the shared hook");
    Processes.Result seeded = git(first, "push", "-u", "origin", "main");
    assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    assertThat(seeded.err()).contains("claim-audit: pass");
    Files.delete(installedTool);

    Path second = dir.resolve("second");
    assertThat(git(dir, "clone", "-q", remote.toString(), second.toString()).exitCode()).isZero();
    git(second, "config", "core.hooksPath", ".githooks");
    Path otherTool = Processes.auditLauncher(dir.resolve("tool-of-the-second"));
    Path onPath = Files.move(otherTool, otherTool.resolveSibling("claim-audit"));
    Map<String, String> path = Map.of("PATH", onPath.getParent() + ":" + System.getenv("PATH"));

    Files.writeString(second.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n");
    commit(second, "Implement import, done");
    Processes.Result blocked = git(second, path, "push", "origin", "main");
    assertThat(blocked.exitCode()).isNotZero();
    assertThat(blocked.err()).contains("rs-todo-macro").contains("src/lib.rs:4").contains("claim-audit: push stopped: refs/heads/main");

    Files.writeString(second.resolve("src/lib.rs"), "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    parse() + 1\n}\n");
    commit(second, "Write import instead of the todo");
    Processes.Result passed = git(second, path, "push", "origin", "main");
    assertThat(passed.exitCode()).as(passed.err()).isZero();
    assertThat(passed.err().lines().filter(line -> line.startsWith("claim-audit")).toList()).as("quiet on a pass").hasSize(1)
        .allMatch(line -> line.startsWith("claim-audit: pass — "));

    Files.writeString(second.resolve("README.md"), "# parser\n");
    commit(second, "Describe the parser");
    Processes.Result missing = git(second, Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"), "push", "origin", "main");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("claim-audit: push stopped: claim-audit is not installed here; put claim-audit on the PATH");
  }

  private static void commit(Path work, String message) {
    assertThat(git(work, "add", "-A").exitCode()).isZero();
    Processes.Result commit = git(work, "commit", "-q", "-m", message);
    assertThat(commit.exitCode()).as(commit.err()).isZero();
  }
}
