package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallHookTest {
  @TempDir Path dir;

  @BeforeEach
  void repository() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").commit("a");
    }
  }

  @Test
  void installsAnExecutableHookInGitsHooksDirectory() throws Exception {
    CliRun run = CliRun.withEnv(Map.of("CLAIM_AUDIT_LAUNCHER", "/opt/claim audit/bin/audit"), "", "install-hook", "--repo", dir.toString());

    Path hook = dir.resolve(".git/hooks/pre-push");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("installed the pre-push hook: " + hook);
    assertThat(Files.isExecutable(hook)).isTrue();
    assertThat(Files.readString(hook)).contains(InstallHookCommand.SIGNATURE).contains("installed_audit='/opt/claim audit/bin/audit'");
    assertThat(Processes.run(dir, Map.of(), "", List.of("sh", "-n", hook.toString())).exitCode()).isZero();
  }

  @Test
  void honoursCoreHooksPath() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      StoredConfig config = repo.git().getRepository().getConfig();
      config.setString("core", null, "hooksPath", ".githooks");
      config.save();
    }

    CliRun run = CliRun.of("install-hook", "--repo", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve(".githooks/pre-push")).exists();
    assertThat(dir.resolve(".git/hooks/pre-push")).doesNotExist();
  }

  @Test
  void leavesAnotherToolsHookAloneUnlessForced() throws Exception {
    Path hook = dir.resolve(".git/hooks/pre-push");
    Files.createDirectories(hook.getParent());
    Files.writeString(hook, "#!/bin/sh\nexec lint-staged\n");

    CliRun refused = CliRun.of("install-hook", "--repo", dir.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().lines()).hasSize(1);
    assertThat(refused.err()).contains("already exists and was not written by claim-audit; add --force");
    assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\nexec lint-staged\n");

    CliRun forced = CliRun.of("install-hook", "--force", "--repo", dir.toString());

    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(hook)).contains(InstallHookCommand.SIGNATURE);
    assertThat(Files.readString(hook.resolveSibling(InstallHookCommand.BACKUP_NAME))).isEqualTo("#!/bin/sh\nexec lint-staged\n");
  }

  @Test
  void reinstallingOverItsOwnHookNeedsNoForce() {
    assertThat(CliRun.of("install-hook", "--repo", dir.toString()).exitCode()).isZero();

    CliRun again = CliRun.withEnv(Map.of("CLAIM_AUDIT_LAUNCHER", "/usr/local/bin/audit"), "", "install-hook", "--repo", dir.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(dir.resolve(".git/hooks/" + InstallHookCommand.BACKUP_NAME)).doesNotExist();
  }

  @Test
  void outsideARepositoryIsExitTwo() throws Exception {
    Path plain = Files.createDirectories(dir.getParent().resolve(dir.getFileName() + "-plain"));

    CliRun run = CliRun.of("install-hook", "--repo", plain.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("audit: not a git repository");
  }

  @Test
  void theShippedHookIsTheOneInCi() throws Exception {
    assertThat(InstallHookCommand.script(null)).isEqualTo(Files.readString(Path.of("ci", "pre-push")));
    assertThat(Files.isExecutable(Path.of("ci", "pre-push"))).isTrue();
  }

  @Test
  void launcherPathsAreQuotedForTheShell() {
    assertThat(InstallHookCommand.shellQuote("/a b/it's")).isEqualTo("'/a b/it'\\''s'");
  }
}
