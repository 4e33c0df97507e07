package dev.claimaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds a git history in a temporary directory so that a test reads like the change it audits:
 *
 * <pre>
 * TestRepo repo = TestRepo.init(dir).write("src/a.rs", "fn a() {}\n").commit("base");
 * repo.branch("feature").write("src/a.rs", "fn a() { todo!() }\n").commit("Implement a, done");
 * </pre>
 */
public final class TestRepo implements AutoCloseable {
  private final Path dir;
  private final Git git;
  private int tick;

  private TestRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A new repository whose first branch is {@code main}. */
  public static TestRepo init(Path dir) {
    try {
      Files.createDirectories(dir);
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
      git.getRepository().getConfig().setBoolean("core", null, "autocrlf", false);
      git.getRepository().getConfig().save();
      return new TestRepo(dir, git);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException("cannot create a test repository in " + dir, e);
    }
  }

  public Path dir() {
    return dir;
  }

  public TestRepo write(String path, String content) {
    return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  public TestRepo writeBytes(String path, byte[] content) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TestRepo delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages everything (additions, changes and deletions) and commits with a fixed identity and date. */
  public TestRepo commit(String message) {
    commitId(message);
    return this;
  }

  /** Like {@link #commit} but returns the new commit's id. */
  public String commitId(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent ident = new PersonIdent("Test Author", "author@example.com",
          Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * ++tick), ZoneOffset.UTC);
      RevCommit commit = git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(false).setAllowEmpty(true).call();
      return commit.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit in " + dir, e);
    }
  }

  /** Creates {@code name} at HEAD and checks it out. */
  public TestRepo branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create branch " + name, e);
    }
  }

  public TestRepo checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot check out " + name, e);
    }
  }

  public Git git() {
    return git;
  }

  @Override
  public void close() {
    git.close();
  }
}
