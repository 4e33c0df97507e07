package dev.claimaudit.git;

import java.util.List;
import java.util.Optional;

/**
 * What a range changes: its commits, the files of the net diff from the merge base to the head,
 * and read access to the tree at head. Only this package knows that git is behind it.
 */
public interface ChangeSet extends AutoCloseable {

  /** The full object id of the range's base revision (A in A..B), or of the empty tree. */
  String baseSha();

  String headSha();

  /** The merge base the net diff starts from; {@code null} for a root commit's own audit. */
  String mergeBaseSha();

  /** Commits reachable from head and not from base, newest first. */
  List<CommitInfo> commits();

  /** Files of the net diff, sorted by path. */
  List<FileChange> files();

  /** Lines that the net diff adds to {@code file}, in order; empty for a skipped file. */
  default List<AddedLine> addedLines(FileChange file) {
    return diff(file).addedLines();
  }

  /**
   * The lines the net diff adds to {@code file} and its text at head, from one read of its blob.
   * Safe to call from several threads at once.
   */
  FileDiff diff(FileChange file);

  /** The content of {@code path} at head, decoded leniently, if it is a regular text file. */
  Optional<String> readAtHead(String path);

  /** Every path of a regular file at head. */
  List<String> headPaths();

  /** Remarks about the diff a reader should see: files skipped and why. */
  List<String> notes();

  @Override
  void close();
}
