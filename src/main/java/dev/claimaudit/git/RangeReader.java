package dev.claimaudit.git;

import dev.claimaudit.cores.Cores;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.RawParseUtils;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Resolves a {@link RangeSpec} against a repository and reads its commits and net diff. */
final class RangeReader {
  /** Where the ref name of a revision ends: {@code main~2}, {@code v1^{commit}}, {@code topic@{1}}. */
  private static final Pattern SHORT_NAME_END = Pattern.compile("[~^@:]");
  /** The upstream selector, as git spells it in any case: {@code @{upstream}}, {@code @{u}}. */
  private static final Pattern UPSTREAM = Pattern.compile("@\\{(?i:upstream|u)\\}");

  /** The most of one commit message that is read; claims sit in the first lines. */
  static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
  /** The most of all the range's messages together; past it, each message is read up to here. */
  static final long MAX_MESSAGES_BYTES = 16L * 1024 * 1024;
  private static final int MAX_SUBJECT_BYTES = 4 * 1024;

  private final Repository repository;
  private final DiffLimits limits;
  private final List<String> cutMessages = new ArrayList<>();

  RangeReader(Repository repository, DiffLimits limits) {
    this.repository = repository;
    this.limits = limits;
  }

  ChangeSet read(RangeSpec range) {
    try (RevWalk walk = new RevWalk(repository)) {
      Set<ObjectId> shallow = shallowCommits();
      RevCommit head = walk.parseCommit(resolve(range.head(), range, shallow));
      RevCommit base = range.single() ? firstParent(walk, head)
          : range.hasBase() ? walk.parseCommit(resolve(range.base(), range, shallow)) : null;
      RevCommit mergeBase = base == null ? null : mergeBase(walk, base, head);
      if (base != null && mergeBase == null) {
        if (!shallow.isEmpty()) {
          throw shallowError(range);
        }
        throw new GitInputException(
            "'" + range.base() + "' and '" + range.head() + "' have no common history, so there is no net diff to audit;"
                + " give a range whose ends share history");
      }
      List<CommitInfo> commits = commits(walk, head, base, shallow, range);
      JGitChangeSet changeSet = new JGitChangeSet(
          repository,
          limits,
          base == null ? ObjectId.zeroId().name() : base.name(),
          head.name(),
          mergeBase == null ? null : mergeBase.name(),
          head.getTree().getId(),
          commits,
          filesOnAnotherThread(mergeBase, head, range));
      if (!cutMessages.isEmpty()) {
        changeSet.note(cutMessages.size() + " commit message" + (cutMessages.size() == 1 ? " was" : "s were") + " read only in part, being"
            + " too long (first: " + cutMessages.get(0) + "); claims past the cut were not read");
      }
      return changeSet;
    } catch (IOException e) {
      throw unreadable(range, e);
    }
  }

  /**
   * The files of the net diff, read on a thread of their own: the audit reads the claims of the
   * commits meanwhile, and asks for the files only once it has them.
   */
  private CompletableFuture<List<FileChange>> filesOnAnotherThread(RevCommit mergeBase, RevCommit head, RangeSpec range) {
    return Cores.onAnotherThread("claim-audit-files", () -> {
      try {
        return diff(mergeBase, head);
      } catch (IOException e) {
        throw unreadable(range, e);
      }
    });
  }

  private static GitInputException unreadable(RangeSpec range, IOException e) {
    if (e instanceof MissingObjectException missing) {
      return new GitInputException(
          "the repository lacks object " + missing.getObjectId().name() + " needed for range " + range.text()
              + "; fetch the full history (actions/checkout `fetch-depth: 0`, or `git fetch --deepen=N`)",
          e);
    }
    return new GitInputException("cannot read range " + range.text() + ": " + e.getMessage(), e);
  }

  Optional<String> readAt(String revision, String path) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        return Optional.empty();
      }
      return Trees.readText(repository, walk.parseCommit(id).getTree(), path, limits.maxFileBytes());
    } catch (IOException | RevisionSyntaxException e) {
      return Optional.empty();
    }
  }

  RevisionFile fileAt(String revision, String path, long maxBytes) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        return RevisionFile.MISSING;
      }
      return Trees.readFile(repository, walk.parseCommit(id).getTree(), path, maxBytes);
    } catch (RevisionSyntaxException | MissingObjectException e) {
      return RevisionFile.MISSING;
    } catch (IOException e) {
      throw new GitInputException("cannot read " + path + " at " + revision + ": " + e.getMessage(), e);
    }
  }

  private Set<ObjectId> shallowCommits() throws IOException {
    return repository.getObjectDatabase().getShallowCommits();
  }

  private ObjectId resolve(String written, RangeSpec range, Set<ObjectId> shallow) throws IOException {
    String revision = withUpstream(written, range);
    refuseAmbiguousName(revision, range);
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (AmbiguousObjectException e) {
      throw new GitInputException("ambiguous revision '" + revision + "' in range " + range.text() + ": use more hex digits or a ref name", e);
    } catch (IncorrectObjectTypeException e) {
      throw new GitInputException("revision '" + revision + "' in range " + range.text() + " is not a commit", e);
    } catch (RevisionSyntaxException e) {
      throw new GitInputException("bad revision '" + revision + "' in range " + range.text(), e);
    }
    if (id == null) {
      String hint = shallow.isEmpty() ? "" : " (this clone is shallow: fetch the full history with actions/checkout `fetch-depth: 0`)";
      throw new GitInputException("unknown revision '" + revision + "' in range " + range.text() + hint);
    }
    return id;
  }

  /**
   * {@code revision} with {@code BRANCH@{upstream}} (or {@code @{u}}) replaced by the ref of the
   * branch's upstream. JGit reads the selector of a branch without an upstream as the branch
   * itself, so {@code HEAD@{upstream}..HEAD} would be an empty range that passes: a branch
   * without an upstream is refused by name instead.
   */
  private String withUpstream(String revision, RangeSpec range) throws IOException {
    Matcher selector = UPSTREAM.matcher(revision);
    if (!selector.find()) {
      return revision;
    }
    String written = revision.substring(0, selector.start());
    String branch = written.isEmpty() || written.equals(Constants.HEAD) ? repository.getBranch() : written;
    if (branch == null || ObjectId.isId(branch) || repository.exactRef(Constants.R_HEADS + branch) == null) {
      String what = written.isEmpty() || written.equals(Constants.HEAD) ? "HEAD is not on a branch" : "'" + written + "' is not a local branch";
      throw new GitInputException(what + ", so '" + revision + "' in range " + range.text() + " names no upstream; give the base explicitly");
    }
    String tracking = new BranchConfig(repository.getConfig(), branch).getTrackingBranch();
    if (tracking == null) {
      throw new GitInputException("branch '" + branch + "' has no upstream, so '" + revision + "' in range " + range.text()
          + " names nothing; set one (git branch --set-upstream-to) or give the base explicitly");
    }
    if (repository.exactRef(tracking) == null) {
      throw new GitInputException("the upstream " + tracking + " of branch '" + branch + "' ('" + revision + "' in range " + range.text()
          + ") is not in this clone; fetch it");
    }
    return tracking + revision.substring(selector.end());
  }

  /**
   * Git picks one of several refs that share a short name (a tag before a branch) with only a
   * warning, and JGit without one; auditing a commit the user did not mean would be a wrong
   * verdict, so a short name that names different commits is refused.
   */
  private void refuseAmbiguousName(String revision, RangeSpec range) throws IOException {
    String name = SHORT_NAME_END.split(revision, 2)[0];
    if (name.isEmpty() || name.startsWith("refs/") || name.equals(Constants.HEAD)) {
      return;
    }
    Map<String, ObjectId> targets = new TreeMap<>();
    for (String prefix : List.of("refs/", "refs/tags/", "refs/heads/", "refs/remotes/")) {
      Ref ref = repository.exactRef(prefix + name);
      if (ref != null) {
        Ref peeled = repository.getRefDatabase().peel(ref);
        ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
        if (target != null) {
          targets.put(ref.getName(), target);
        }
      }
    }
    if (targets.size() > 1 && new HashSet<>(targets.values()).size() > 1) {
      throw new GitInputException("ambiguous revision '" + name + "' in range " + range.text() + ": "
          + String.join(", ", targets.keySet()) + " name different commits; write the full ref name");
    }
  }

  private static RevCommit firstParent(RevWalk walk, RevCommit commit) throws IOException {
    return commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
  }

  private static RevCommit mergeBase(RevWalk walk, RevCommit a, RevCommit b) throws IOException {
    walk.reset();
    walk.setRevFilter(RevFilter.MERGE_BASE);
    walk.markStart(a);
    walk.markStart(b);
    RevCommit found = walk.next();
    walk.reset();
    walk.setRevFilter(RevFilter.ALL);
    return found;
  }

  private List<CommitInfo> commits(RevWalk walk, RevCommit head, RevCommit base, Set<ObjectId> shallow, RangeSpec range)
      throws IOException {
    walk.reset();
    walk.markStart(head);
    if (base != null) {
      walk.markUninteresting(base);
    }
    List<CommitInfo> commits = new ArrayList<>();
    long budget = MAX_MESSAGES_BYTES;
    for (RevCommit commit : walk) {
      if (shallow.contains(commit)) {
        throw shallowError(range);
      }
      String message = message(commit, Math.max(MAX_SUBJECT_BYTES, Math.min(MAX_MESSAGE_BYTES, budget)));
      budget -= message.length();
      commits.add(new CommitInfo(commit.name(), message, commit.getAuthorIdent().getName(), commit.getParentCount(), commit.getTree().name(),
          commit.getParentCount() == 0 ? null : commit.getParent(0).name()));
      // The walk keeps every commit it parsed; a message already read need not stay in memory twice.
      commit.disposeBody();
    }
    return List.copyOf(commits);
  }

  /**
   * The commit's message, decoded by its encoding header, of at most {@code maxBytes}: a message
   * of tens of megabytes is read in part (with a line that says so) instead of exhausting memory.
   */
  private String message(RevCommit commit, long maxBytes) {
    byte[] raw = commit.getRawBuffer();
    int start = RawParseUtils.commitMessage(raw, 0);
    if (start < 0) {
      return "";
    }
    if (raw.length - start <= maxBytes) {
      return commit.getFullMessage();
    }
    int end = start + (int) maxBytes;
    while (end > start && (raw[end] & 0xC0) == 0x80) {
      end--;
    }
    Charset charset = RawParseUtils.guessEncoding(raw);
    cutMessages.add(commit.name().substring(0, 12) + " (" + (raw.length - start) + " bytes)");
    return RawParseUtils.decode(charset, raw, start, end) + "\n[message cut: only its first " + (end - start) + " bytes were read]\n";
  }

  private static GitInputException shallowError(RangeSpec range) {
    return new GitInputException(
        "shallow clone: the history of range " + range.text() + " is cut off before its merge base;"
            + " fetch the full history (actions/checkout `fetch-depth: 0`, or `git fetch --deepen=N`)");
  }

  private List<FileChange> diff(RevCommit from, RevCommit to) throws IOException {
    try (ObjectReader reader = repository.newObjectReader();
        DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      formatter.setRepository(repository);
      formatter.setDetectRenames(true);
      formatter.getRenameDetector().setRenameLimit(limits.renameLimit());
      AbstractTreeIterator oldTree = from == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, from.getTree());
      AbstractTreeIterator newTree = new CanonicalTreeParser(null, reader, to.getTree());
      List<FileChange> files = new ArrayList<>();
      for (DiffEntry entry : formatter.scan(oldTree, newTree)) {
        files.add(toFileChange(entry, reader));
      }
      files.sort(Comparator.comparing(FileChange::path));
      return List.copyOf(files);
    }
  }

  private FileChange toFileChange(DiffEntry entry, ObjectReader reader) throws IOException {
    ChangeType type = switch (entry.getChangeType()) {
      case ADD -> ChangeType.ADDED;
      case MODIFY -> ChangeType.MODIFIED;
      case RENAME -> ChangeType.RENAMED;
      case COPY -> ChangeType.COPIED;
      case DELETE -> ChangeType.DELETED;
    };
    String oldBlob = entry.getOldMode() == FileMode.MISSING ? null : entry.getOldId().name();
    if (type == ChangeType.DELETED) {
      return new FileChange(entry.getOldPath(), entry.getOldPath(), type, null, null, oldBlob);
    }
    String oldPath = type == ChangeType.ADDED ? null : entry.getOldPath();
    return new FileChange(entry.getNewPath(), oldPath, type, skipReason(entry, reader), entry.getNewId().name(), oldBlob);
  }

  private String skipReason(DiffEntry entry, ObjectReader reader) throws IOException {
    FileMode mode = entry.getNewMode();
    if (mode == FileMode.GITLINK) {
      return "submodule (not followed)";
    }
    if (mode == FileMode.SYMLINK) {
      return "symbolic link (not followed)";
    }
    long size = reader.getObjectSize(entry.getNewId().toObjectId(), Constants.OBJ_BLOB);
    if (size > limits.maxFileBytes()) {
      return "larger than " + (limits.maxFileBytes() / (1024 * 1024)) + " MiB (" + size + " bytes)";
    }
    return null;
  }
}
