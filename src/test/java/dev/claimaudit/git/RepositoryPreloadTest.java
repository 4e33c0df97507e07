package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository opened ahead of the audit gives the same repository, or the same failure, as opening it then. */
class RepositoryPreloadTest {
  @TempDir Path dir;

  private Path repository() {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "one\n").commit("base");
      test.branch("feature").write("a.txt", "one\ntwo\n").commit("add a line");
    }
    return repo;
  }

  @Test
  void theAuditGetsThePreloadedRepositoryAndItReadsTheRange() {
    Path repo = repository();
    try (RepositoryPreload preload = RepositoryPreload.start(repo);
        GitRepository opened = preload.open(repo);
        ChangeSet changes = opened.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      assertThat(opened.gitDir()).isEqualTo(repo.resolve(".git").toAbsolutePath().normalize());
      assertThat(changes.commits()).hasSize(1);
      assertThat(changes.addedLines(changes.files().get(0))).extracting(AddedLine::text).containsExactly("two");
    }
  }

  @Test
  void noPreloadOpensTheRepositoryWhenAsked() {
    Path repo = repository();
    try (RepositoryPreload preload = RepositoryPreload.none(); GitRepository opened = preload.open(repo)) {
      assertThat(opened.gitDir()).isEqualTo(repo.resolve(".git").toAbsolutePath().normalize());
    }
  }

  @Test
  void aDirectoryThatIsNoRepositoryFailsWithTheSameLineAsOpeningItThen() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    String direct = null;
    try {
      GitRepository.open(plain).close();
    } catch (GitInputException e) {
      direct = e.getMessage();
    }

    try (RepositoryPreload preload = RepositoryPreload.start(plain)) {
      assertThatThrownBy(() -> preload.open(plain)).isInstanceOf(GitInputException.class).hasMessage(direct);
    }
  }

  @Test
  void anotherDirectoryIsOpenedOnItsOwnAndTheUntakenPreloadIsClosed() {
    Path repo = repository();
    Path other = dir.resolve("other");
    try (TestRepo test = TestRepo.init(other)) {
      test.write("b.txt", "x\n").commit("other base");
    }
    RepositoryPreload preload = RepositoryPreload.start(repo);
    try (GitRepository opened = preload.open(other)) {
      assertThat(opened.gitDir()).isEqualTo(other.resolve(".git").toAbsolutePath().normalize());
    }
    preload.close();
    try (GitRepository again = preload.open(repo)) {
      assertThat(again.gitDir()).isEqualTo(repo.resolve(".git").toAbsolutePath().normalize());
    }
  }
}
