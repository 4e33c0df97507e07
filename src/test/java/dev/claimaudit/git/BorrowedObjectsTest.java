package dev.claimaudit.git;

import static dev.claimaudit.testing.Processes.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clone made with {@code git clone --shared} reads its lender's objects first, and writes only its own. */
class BorrowedObjectsTest {
  @TempDir Path dir;

  /** A lender with one packed commit on main, and a shared clone of it with a commit of its own on feature. */
  private Path sharedCloneWithACommitOfItsOwn() {
    Path lender = dir.resolve("lender");
    try (TestRepo repo = TestRepo.init(lender)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
    }
    assertThat(git(lender, "gc", "-q").exitCode()).isZero();
    assertThat(git(dir, "clone", "-q", "--shared", lender.toString(), "clone").exitCode()).isZero();
    Path clone = dir.resolve("clone");
    git(clone, "checkout", "-q", "-b", "feature");
    write(clone.resolve("src/export.rs"), "pub fn export() -> u32 {\n    todo!()\n}\n");
    git(clone, "add", "-A");
    git(clone, "commit", "-q", "-m", "Add export, done");
    git(clone, "branch", "-q", "-f", "main", "origin/main");
    return clone;
  }

  @Test
  void aSharedCloneIsReadFromItsLenderFirst() throws IOException {
    Path clone = sharedCloneWithACommitOfItsOwn();

    FileRepositoryBuilder opened = new FileRepositoryBuilder().setGitDir(clone.resolve(".git").toFile()).setMustExist(true);
    opened.setup();
    Optional<FileRepositoryBuilder> reading = BorrowedObjects.lendersFirst(opened);

    assertThat(reading).isPresent();
    try (Repository repository = reading.get().build()) {
      assertThat(repository.getObjectDatabase().toString()).contains(dir.resolve("lender/.git/objects").toString());
    }
  }

  @Test
  void theCloneKeepsItsOwnCommitsInSight() throws IOException {
    Path clone = sharedCloneWithACommitOfItsOwn();

    CliRun run = CliRun.of("--repo", clone.toString(), "--range", "main..feature", "--format", "json");

    JsonNode verdict = new ObjectMapper().readTree(run.out());
    assertThat(verdict.path("range").path("commits").asInt()).isEqualTo(1);
    assertThat(verdict.path("findings")).anySatisfy(finding -> {
      assertThat(finding.path("path").asText()).isEqualTo("src/export.rs");
      assertThat(finding.path("severity").asText()).isEqualTo("block");
    });
  }

  @Test
  void storedFilesAreWrittenIntoTheCloneNotTheLender() throws IOException {
    Path clone = sharedCloneWithACommitOfItsOwn();
    Path lenderObjects = dir.resolve("lender/.git/objects");
    List<Path> lent = files(lenderObjects);

    try (GitRepository repository = GitRepository.open(clone)) {
      RefFiles stored = repository.refFiles("refs/claim-audit/kb");
      stored.update("Remember a lesson", List.of("lessons.md"), files -> Map.of("lessons.md", "a lesson\n".getBytes(StandardCharsets.UTF_8)),
          null);
      assertThat(stored.read("lessons.md")).hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
          .isEqualTo("a lesson\n"));
    }

    assertThat(files(lenderObjects)).isEqualTo(lent);
  }

  @Test
  void aCloneWithAPackOfItsOwnIsReadAsGitOpensIt() throws IOException {
    Path clone = sharedCloneWithACommitOfItsOwn();
    assertThat(git(clone, "repack", "-q", "-l").exitCode()).isZero();

    FileRepositoryBuilder opened = new FileRepositoryBuilder().setGitDir(clone.resolve(".git").toFile()).setMustExist(true);
    opened.setup();

    assertThat(BorrowedObjects.lendersFirst(opened)).isEmpty();
  }

  @Test
  void theLendersAreTheExistingFoldersTheAlternatesFileLists() throws IOException {
    Path objects = dir.resolve("objects");
    Path absolute = Files.createDirectories(dir.resolve("absolute/objects"));
    Files.createDirectories(dir.resolve("relative/objects"));
    write(objects.resolve("info/alternates"), "# a comment git skips\n\n" + absolute + "\n../relative/objects\n" + dir.resolve("gone") + "\n");

    List<File> lenders = BorrowedObjects.lenders(objects.toFile());

    assertThat(lenders).containsExactly(absolute.toFile(), objects.resolve("../relative/objects").toFile());
    assertThat(BorrowedObjects.lenders(dir.resolve("absolute/objects").toFile())).isEmpty();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void write(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
