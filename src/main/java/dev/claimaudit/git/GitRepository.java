package dev.claimaudit.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens a repository and turns a range into a {@link ChangeSet}. */
public final class GitRepository implements AutoCloseable {
  private final Repository repository;

  private GitRepository(Repository repository) {
    this.repository = repository;
  }

  /** Opens the repository that contains {@code dir} (a work tree, a bare repository or a worktree). */
  public static GitRepository open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new GitInputException("not a directory: " + dir);
    }
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
      builder.findGitDir(dir.toFile());
      if (builder.getGitDir() == null && looksBare(dir)) {
        builder.setGitDir(dir.toFile());
      }
      if (builder.getGitDir() == null) {
        throw new GitInputException("not a git repository: " + dir);
      }
      builder.setMustExist(true);
      Repository repository = builder.build();
      String objectFormat = repository.getConfig().getString("extensions", null, "objectformat");
      if (objectFormat != null && !objectFormat.equalsIgnoreCase("sha1")) {
        repository.close();
        throw new GitInputException("the repository at " + dir + " uses " + objectFormat
            + " object names, which claim-audit cannot read yet (its git library reads SHA-1 repositories only)");
      }
      return new GitRepository(repository);
    } catch (RepositoryNotFoundException e) {
      throw new GitInputException("not a git repository: " + dir, e);
    } catch (IllegalArgumentException | IOException e) {
      throw new GitInputException("cannot open the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean looksBare(Path dir) {
    return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"));
  }

  /** The work tree, or empty for a bare repository. */
  public Optional<Path> workTree() {
    return repository.isBare() ? Optional.empty() : Optional.of(repository.getWorkTree().toPath());
  }

  public Path gitDir() {
    return repository.getDirectory().toPath();
  }

  /** The range to audit when none is given: {@code @{upstream}..HEAD}, else {@code main..HEAD}. */
  public RangeSpec defaultRange() {
    try {
      String branch = repository.getBranch();
      if (branch != null && repository.resolve(Constants.HEAD) != null) {
        String tracking = new BranchConfig(repository.getConfig(), branch).getTrackingBranch();
        if (tracking != null && repository.resolve(tracking) != null) {
          return RangeSpec.parse(tracking + "..HEAD");
        }
      }
    } catch (IOException e) {
      throw new GitInputException("cannot read HEAD: " + e.getMessage(), e);
    }
    return RangeSpec.parse("main..HEAD");
  }

  /** Reads the range; throws {@link GitInputException} when it cannot be audited truthfully. */
  public ChangeSet changeSet(RangeSpec range, DiffLimits limits) {
    return new RangeReader(repository, limits).read(range);
  }

  /** The content of {@code path} at {@code revision}, if it exists there as a regular file. */
  public Optional<String> readAt(String revision, String path) {
    return new RangeReader(repository, DiffLimits.DEFAULT).readAt(revision, path);
  }

  public File directory() {
    return repository.getDirectory();
  }

  @Override
  public void close() {
    repository.close();
  }
}
