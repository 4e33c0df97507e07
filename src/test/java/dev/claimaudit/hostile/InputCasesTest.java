package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that must be refused with one line, or read only up to a bound: ranges naming nothing, endless and huge payloads. */
class InputCasesTest {
  @TempDir Path dir;

  /** main: base; feature (checked out): one commit claiming done over a stub; no branch has an upstream. */
  private Path repository() {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    return repo;
  }

  @Test
  @DisplayName("13: HEAD@{upstream} of a branch without an upstream is bad input, not an empty range that passes")
  void theUpstreamOfABranchWithoutOneIsRefused() {
    CliRun run = audit("--repo", repository().toString(), "--range", "HEAD@{upstream}..HEAD");

    badInput(run, "branch 'feature' has no upstream");
  }

  @Test
  @DisplayName("13: main@{u} without an upstream is refused, not read as main")
  void aNamedBranchWithoutAnUpstreamIsNotReadAsTheBranch() {
    Path repo = repository();

    badInput(audit("--repo", repo.toString(), "--range", "main@{u}..feature"), "branch 'main' has no upstream");
    badInput(audit("--repo", repo.toString(), "--range", "main@{UPSTREAM}..feature"), "has no upstream");
  }

  @Test
  @DisplayName("13: a detached HEAD has no upstream")
  void aDetachedHeadHasNoUpstream() {
    Path repo = repository();
    git(repo, "checkout", "-q", "--detach", "feature");

    badInput(audit("--repo", repo.toString(), "--range", "@{u}..HEAD"), "HEAD is not on a branch");
  }

  @Test
  @DisplayName("13: an upstream that exists is followed")
  void anUpstreamThatExistsIsFollowed() throws Exception {
    Path source = repository();
    git(dir, "clone", "-q", "file://" + source, "clone");
    Path clone = dir.resolve("clone");
    git(clone, "checkout", "-q", "-b", "topic", "--track", "origin/main");
    git(clone, "merge", "-q", "--ff-only", "origin/feature");

    CliRun run = audit("--repo", clone.toString(), "--range", "HEAD@{upstream}..HEAD", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Hostile.json(run).path("range").path("commits").asInt()).isEqualTo(1);
  }
}
