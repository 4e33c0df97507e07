package dev.claimaudit.git;

import dev.claimaudit.cores.Cores;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.IntList;

/** A {@link ChangeSet} backed by JGit; added lines are diffed per file when asked for, on any thread. */
final class JGitChangeSet implements ChangeSet {
  private final Repository repository;
  private final DiffLimits limits;
  private final String baseSha;
  private final String headSha;
  private final String mergeBaseSha;
  private final ObjectId headTree;
  private final List<CommitInfo> commits;
  private final CompletableFuture<List<FileChange>> files;
  private final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
  private volatile List<String> headPaths;

  JGitChangeSet(
      Repository repository,
      DiffLimits limits,
      String baseSha,
      String headSha,
      String mergeBaseSha,
      ObjectId headTree,
      List<CommitInfo> commits,
      CompletableFuture<List<FileChange>> files) {
    this.repository = repository;
    this.limits = limits;
    this.baseSha = baseSha;
    this.headSha = headSha;
    this.mergeBaseSha = mergeBaseSha;
    this.headTree = headTree;
    this.commits = commits;
    this.files = files;
  }

  /** Adds a remark about reading the range for the report. */
  void note(String remark) {
    notes.add(remark);
  }

  @Override
  public String baseSha() {
    return baseSha;
  }

  @Override
  public String headSha() {
    return headSha;
  }

  @Override
  public String mergeBaseSha() {
    return mergeBaseSha;
  }

  @Override
  public List<CommitInfo> commits() {
    return commits;
  }

  /** The files of the net diff, once read; a failure to read them is thrown here, as it was thrown. */
  @Override
  public List<FileChange> files() {
    return Cores.await(files);
  }

  @Override
  public FileDiff diff(FileChange file) {
    if (file.type() == ChangeType.DELETED) {
      return deleted(file);
    }
    if (!file.scanned()) {
      return FileDiff.NONE;
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      byte[] headBlob = reader.open(ObjectId.fromString(file.headBlob()), Constants.OBJ_BLOB).getCachedBytes();
      // Most files are printable ASCII on both sides, which the pass that splits them into lines
      // tells: they are read as they are, with nothing else to look at first. A base that cannot be
      // read is read again once the head is known to be text, as any file's is.
      if (newAtHead(file)) {
        Optional<IntList> lines = LineDiff.printableLines(headBlob);
        if (lines.isPresent()) {
          return added(file, TextContent.printable(headBlob), new LineText(headBlob, lines.get(), true));
        }
      }
      byte[] baseBlob = baseBlobIfReadable(reader, file);
      LineDiff blobDiff = baseBlob == null ? null : LineDiff.of(baseBlob, headBlob);
      TextContent.Readable headContent;
      Optional<TextContent.Readable> baseContent;
      if (blobDiff != null && blobDiff.printable()) {
        headContent = TextContent.printable(headBlob);
        baseContent = Optional.of(TextContent.printable(baseBlob));
      } else {
        Optional<TextContent.Readable> readable = TextContent.readable(headBlob);
        if (readable.isEmpty()) {
          notes.add(file.path() + ": skipped, binary");
          return FileDiff.skipped("binary");
        }
        headContent = readable.get();
        baseContent = baseBlob != null ? TextContent.readable(baseBlob) : baseContent(reader, file);
      }
      if (baseContent.isEmpty()) {
        return added(file, headContent, new LineText(headContent.bytes(), headContent.plain()));
      }
      // The blobs' diff holds when both are read as they are.
      LineDiff diff = blobDiff != null && baseContent.get().bytes() == baseBlob && headContent.bytes() == headBlob ? blobDiff
          : LineDiff.of(baseContent.get().bytes(), headContent.bytes());
      LineText head = new LineText(headContent.bytes(), diff.headLines(), headContent.plain());
      LineText base = new LineText(baseContent.get().bytes(), diff.baseLines(), baseContent.get().plain());
      IntList added = new IntList();
      IntList removed = new IntList();
      for (Edit edit : diff.edits()) {
        for (int i = edit.getBeginB(); i < edit.getEndB(); i++) {
          added.add(i);
        }
        for (int i = edit.getBeginA(); i < edit.getEndA(); i++) {
          removed.add(i);
        }
      }
      return new FileDiff(new AddedLines(head, added), headText(file, headContent), headContent.plain(), new RemovedLines(base, removed));
    } catch (IOException e) {
      throw unreadable(file.path(), e);
    }
  }

  /** The diff of a file the change adds whole, or whose base is too large to diff: every line of {@code head} added. */
  private static FileDiff added(FileChange file, TextContent.Readable headContent, LineText head) {
    return new FileDiff(new AddedLines(head, everyLine(head)), headText(file, headContent), headContent.plain(),
        new RemovedLines(null, new IntList()));
  }

  /** The indexes of every line of {@code text}. */
  private static IntList everyLine(LineText text) {
    IntList lines = new IntList(text.size());
    for (int i = 0; i < text.size(); i++) {
      lines.add(i);
    }
    return lines;
  }

  /** The file's text at head, decoded when asked for; none for a path that would leave the work tree. */
  private static Supplier<Optional<String>> headText(FileChange file, TextContent.Readable headContent) {
    Supplier<String> text = headContent.text();
    return Trees.isSafeRelativePath(file.path()) ? () -> Optional.of(text.get()) : Optional::empty;
  }

  /** A deleted file's side of the diff: every line of it removed. */
  private FileDiff deleted(FileChange file) {
    if (file.baseBlob() == null) {
      return FileDiff.NONE;
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      // A deleted submodule or link leaves no blob of this repository behind to read.
      ObjectId id = ObjectId.fromString(file.baseBlob());
      if (!reader.has(id, Constants.OBJ_BLOB)) {
        return FileDiff.NONE;
      }
      Optional<TextContent.Readable> content = baseContent(reader, file);
      if (content.isEmpty()) {
        return FileDiff.NONE;
      }
      LineText base = new LineText(content.get().bytes(), content.get().plain());
      return new FileDiff(List.of(), Optional::empty, true, new RemovedLines(base, everyLine(base)));
    } catch (IOException e) {
      throw unreadable(file.path(), e);
    }
  }

  /** The file's text at base as the line diff reads it; empty when it is new there, too large or binary. */
  private Optional<TextContent.Readable> baseContent(ObjectReader reader, FileChange file) throws IOException {
    byte[] blob = baseBlob(reader, file);
    return blob == null ? Optional.empty() : TextContent.readable(blob);
  }

  /** Whether the file has no version at base: the change adds it. */
  private static boolean newAtHead(FileChange file) {
    return file.baseBlob() == null || file.type() == ChangeType.ADDED;
  }

  /** {@link #baseBlob}, or null when it cannot be read. */
  private byte[] baseBlobIfReadable(ObjectReader reader, FileChange file) {
    try {
      return baseBlob(reader, file);
    } catch (IOException e) {
      return null;
    }
  }

  /** The file's blob at base; null when it is new there or too large to diff. */
  private byte[] baseBlob(ObjectReader reader, FileChange file) throws IOException {
    if (newAtHead(file)) {
      return null;
    }
    ObjectId id = ObjectId.fromString(file.baseBlob());
    if (reader.getObjectSize(id, Constants.OBJ_BLOB) > limits.maxFileBytes()) {
      return null;
    }
    return reader.open(id, Constants.OBJ_BLOB).getCachedBytes();
  }

  /** The removed lines of one file, each decoded when it is read, as {@link RawText#getString(int)} decodes it. */
  private static final class RemovedLines extends AbstractList<String> implements RandomAccess {
    private final LineText base;
    private final IntList indexes;

    RemovedLines(LineText base, IntList indexes) {
      this.base = base;
      this.indexes = indexes;
    }

    @Override
    public String get(int i) {
      return base.lineAsRead(indexes.get(i));
    }

    @Override
    public int size() {
      return base == null ? 0 : indexes.size();
    }
  }

  /**
   * The added lines of one file, each made when it is first read. A scan reads them several times
   * (rules, words, test declarations), so up to {@link #KEPT_LINES} lines are kept once made; a
   * file that adds more, millions of short lines, costs its bytes and one int per line, and a line
   * is made again on each read.
   */
  private static final class AddedLines extends AbstractList<AddedLine> implements RandomAccess {
    private static final int KEPT_LINES = 1 << 16;

    private final LineText head;
    private final IntList indexes;
    private final AddedLine[] made;

    AddedLines(LineText head, IntList indexes) {
      this.head = head;
      this.indexes = indexes;
      this.made = indexes.size() <= KEPT_LINES ? new AddedLine[indexes.size()] : null;
    }

    @Override
    public AddedLine get(int i) {
      if (made == null) {
        return make(i);
      }
      AddedLine line = made[i];
      if (line == null) {
        line = make(i);
        made[i] = line;
      }
      return line;
    }

    private AddedLine make(int i) {
      int index = indexes.get(i);
      return new AddedLine(index + 1, head.line(index));
    }

    @Override
    public int size() {
      return indexes.size();
    }
  }

  @Override
  public Optional<String> readAtHead(String path) {
    try {
      return Trees.readText(repository, headTree, path, limits.maxFileBytes());
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * A missing or corrupt object is a repository that cannot be audited as it is, not a file to
   * pass over: reading it as empty would let its placeholders through.
   */
  private static GitInputException unreadable(String path, IOException e) {
    if (e instanceof MissingObjectException missing) {
      return new GitInputException("the repository lacks object " + missing.getObjectId().name() + " needed for " + path
          + "; fetch the full history (actions/checkout `fetch-depth: 0`, or `git fetch --deepen=N`)", e);
    }
    return new GitInputException("cannot read " + path + " from the repository: " + e.getMessage(), e);
  }

  @Override
  public List<String> headPaths() {
    List<String> paths = headPaths;
    if (paths == null) {
      paths = listHeadPaths();
      headPaths = paths;
    }
    return paths;
  }

  private List<String> listHeadPaths() {
    List<String> paths = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(headTree);
      walk.setRecursive(true);
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          paths.add(walk.getPathString());
        }
      }
    } catch (IOException e) {
      throw new GitInputException("cannot list the tree at head: " + e.getMessage(), e);
    }
    return List.copyOf(paths);
  }

  @Override
  public List<String> notes() {
    Stream<String> skipped = files().stream().flatMap(file -> file.skip().map(reason -> file.path() + ": skipped, " + reason).stream());
    return Stream.concat(skipped, notes.stream()).distinct().sorted().toList();
  }

  @Override
  public void close() {
    // The repository belongs to the GitRepository that made this change set.
  }
}
