package dev.claimaudit.git;

import dev.claimaudit.text.Texts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.submodule.SubmoduleWalk;

/** Opens a repository and turns a range into a {@link ChangeSet}. */
public final class GitRepository implements AutoCloseable {
  /** The repository, read: as git opens it, or asking its lenders first for objects ({@link BorrowedObjects}). */
  private final Repository repository;
  /** How git opens it, when {@link #repository} asks lenders first: stored files are written so, into the clone. */
  private final FileRepositoryBuilder asGitOpensIt;
  /** The repository as git opens it, once stored files are written; null before, or when it is {@link #repository}. */
  private Repository writing;

  private GitRepository(Repository repository, FileRepositoryBuilder asGitOpensIt) {
    this.repository = repository;
    this.asGitOpensIt = asGitOpensIt;
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
      builder.setup();
      Optional<FileRepositoryBuilder> lendersFirst = BorrowedObjects.lendersFirst(builder);
      Repository repository = lendersFirst.orElse(builder).build();
      String objectFormat = repository.getConfig().getString("extensions", null, "objectformat");
      if (objectFormat != null && !objectFormat.equalsIgnoreCase("sha1")) {
        repository.close();
        throw new GitInputException("the repository at " + dir + " uses " + objectFormat
            + " object names, which claim-audit cannot read yet (its git library reads SHA-1 repositories only)");
      }
      return new GitRepository(repository, lendersFirst.isPresent() ? builder : null);
    } catch (RepositoryNotFoundException e) {
      throw new GitInputException("not a git repository: " + dir, e);
    } catch (IllegalArgumentException | IOException e) {
      throw new GitInputException("cannot open the git repository at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean looksBare(Path dir) {
    return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"));
  }

  /**
   * Reads what the first object lookup of an audit would: HEAD and the pack indexes that hold it.
   * A repository that cannot be read here fails later, where the audit reports it.
   */
  void readObjectIndex() {
    try {
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head != null) {
        repository.getObjectDatabase().has(head);
      }
    } catch (IOException | RuntimeException e) {
      // The audit reads the same objects again and reports what fails then.
    }
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
    return chooseDefaultRange().range();
  }

  /** A range chosen for the user, and why it was that one. */
  public record DefaultRange(RangeSpec range, String reason) {}

  /**
   * The range to audit when none is given: the current branch's upstream, else the first of
   * {@code main}, {@code origin/HEAD}, {@code origin/main}, {@code origin/master} and {@code master}
   * that exists, up to {@code HEAD}; {@code main..HEAD} when none does, which then fails naming it.
   */
  public DefaultRange chooseDefaultRange() {
    try {
      String branch = repository.getBranch();
      if (branch != null && repository.resolve(Constants.HEAD) != null) {
        String tracking = new BranchConfig(repository.getConfig(), branch).getTrackingBranch();
        if (tracking != null && repository.resolve(tracking) != null) {
          return new DefaultRange(RangeSpec.parse(tracking + "..HEAD"), "the upstream of " + branch);
        }
      }
      List<String> tried = new java.util.ArrayList<>();
      for (String base : List.of("main", "origin/HEAD", "origin/main", "origin/master", "master")) {
        if (repository.resolve(base + "^{commit}") != null) {
          String why = tried.isEmpty() ? "no upstream is set, and main is the default base"
              : "no upstream is set and there is no " + String.join(" or ", tried) + ", so the base is " + base;
          return new DefaultRange(RangeSpec.parse(base + "..HEAD"), why);
        }
        tried.add(base);
      }
    } catch (IOException | RuntimeException e) {
      throw new GitInputException("cannot read HEAD: " + e.getMessage(), e);
    }
    return new DefaultRange(RangeSpec.parse("main..HEAD"), "the default, though no main, origin/main, origin/master or master exists");
  }

  /**
   * The commit of {@code commits} (newest first) that added each of {@code lines} (by path, numbered
   * at {@code head}), for attributing the findings a report shows; what cannot be told is left out.
   */
  public java.util.Map<String, java.util.Map<Integer, String>> addedIn(String head, List<CommitInfo> commits,
      java.util.Map<String, java.util.Set<Integer>> lines) {
    try {
      return new LineOrigins(repository).of(head, commits, lines);
    } catch (IOException | RuntimeException e) {
      return java.util.Map.of();
    }
  }

  /** Reads the range; throws {@link GitInputException} when it cannot be audited truthfully. */
  public ChangeSet changeSet(RangeSpec range, DiffLimits limits) {
    return new RangeReader(repository, limits).read(range);
  }

  /**
   * Fails with a message that names the fix when commit {@code sha}, which the code host says the
   * audit needs ({@code what}, e.g. "the event's merge base"), is not in this clone: the history
   * was fetched too shallow, and an audit of it would over- or under-report.
   */
  public void requireCommit(String sha, String what) {
    if (!ObjectId.isId(sha)) {
      return;
    }
    boolean present;
    try {
      present = repository.getObjectDatabase().has(ObjectId.fromString(sha));
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      throw new GitInputException(what + " " + Texts.shortSha(sha, 12)
          + " is not in this clone, so its history is too shallow to audit the pull request;"
          + " fetch the full history (actions/checkout `fetch-depth: 0`, or `git fetch --deepen=N`)");
    }
  }

  /**
   * What a push of {@code localSha} over {@code remoteSha} (all zeros for a new branch) sends, as a
   * range; empty when it sends no commit the remote lacks.
   */
  public Optional<RangeSpec> pushedRange(String localSha, String remoteSha) {
    return new PushedRange(repository).of(localSha, remoteSha);
  }

  /**
   * Where git looks for hooks: {@code core.hooksPath} (a relative path is taken from the work tree's
   * top, {@code ~/} from the home directory), else {@code hooks} in the common git directory.
   */
  public Path hooksDirectory() {
    String configured = repository.getConfig().getString("core", null, "hooksPath");
    if (configured == null || configured.isBlank()) {
      return repository.getCommonDirectory().toPath().resolve("hooks");
    }
    if (configured.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(configured.substring(2));
    }
    Path path = Path.of(configured);
    if (path.isAbsolute()) {
      return path;
    }
    return (repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath()).resolve(path);
  }

  /** The content of {@code path} at {@code revision}, if it exists there as a regular file. */
  public Optional<String> readAt(String revision, String path) {
    return new RangeReader(repository, DiffLimits.DEFAULT).readAt(revision, path);
  }

  /** The commit checked out in the work tree ({@code HEAD}), or empty when it points at no commit. */
  public Optional<String> headCommit() {
    try {
      ObjectId head = repository.resolve(Constants.HEAD);
      return head == null ? Optional.empty() : Optional.of(head.name());
    } catch (IOException e) {
      throw new GitInputException("cannot read HEAD: " + e.getMessage(), e);
    }
  }

  /**
   * How the work tree differs from {@code HEAD}.
   *
   * @param uncommitted tracked paths whose work tree or index content differs from {@code HEAD}, sorted
   * @param untracked files that are neither tracked nor ignored, sorted
   */
  public record WorkTreeStatus(List<String> uncommitted, List<String> untracked) {}

  /** The work tree's differences from {@code HEAD}; none for a bare repository. */
  public WorkTreeStatus workTreeStatus() {
    if (repository.isBare()) {
      return new WorkTreeStatus(List.of(), List.of());
    }
    try (Git git = new Git(repository)) {
      Status status = git.status().setIgnoreSubmodules(SubmoduleWalk.IgnoreSubmoduleMode.ALL).call();
      TreeSet<String> paths = new TreeSet<>();
      paths.addAll(status.getModified());
      paths.addAll(status.getChanged());
      paths.addAll(status.getAdded());
      paths.addAll(status.getRemoved());
      paths.addAll(status.getMissing());
      return new WorkTreeStatus(List.copyOf(paths), List.copyOf(new TreeSet<>(status.getUntracked())));
    } catch (GitAPIException | RuntimeException e) {
      throw new GitInputException("cannot read the work tree's status: " + e.getMessage(), e);
    }
  }

  /** {@code path} at {@code revision}, telling a missing file from one that cannot be read as text. */
  public RevisionFile fileAt(String revision, String path, long maxBytes) {
    return new RangeReader(repository, DiffLimits.DEFAULT).fileAt(revision, path, maxBytes);
  }

  /** The files kept under {@code ref} (a ref outside the branches, such as {@code refs/claim-audit/kb}). */
  public RefFiles refFiles(String ref) {
    if (ref == null || !ref.startsWith("refs/") || !Repository.isValidRefName(ref) || ref.startsWith("refs/heads/")
        || ref.startsWith("refs/tags/") || ref.startsWith("refs/pull/")) {
      throw new GitInputException("not a usable ref for stored files: " + ref + " (use a ref such as refs/claim-audit/kb)");
    }
    return new RefFiles(writing(), ref);
  }

  private synchronized Repository writing() {
    if (asGitOpensIt == null) {
      return repository;
    }
    if (writing == null) {
      try {
        writing = asGitOpensIt.build();
      } catch (IOException | IllegalArgumentException e) {
        throw new GitInputException("cannot open the git repository at " + asGitOpensIt.getGitDir() + ": " + e.getMessage(), e);
      }
    }
    return writing;
  }

  public File directory() {
    return repository.getDirectory();
  }

  @Override
  public synchronized void close() {
    if (writing != null) {
      writing.close();
    }
    repository.close();
  }
}
