package dev.claimaudit.git;

import java.util.Optional;

/**
 * One file of the net diff. Its added lines are not held here: {@link ChangeSet#addedLines}
 * computes them on demand, so a range of any size is walked one file at a time.
 *
 * @param path repository-relative path at head (for a deletion, the deleted path)
 * @param oldPath path at the merge base, or {@code null} for an added file
 * @param skipReason why the file's content is not scanned (binary, too large, submodule,
 *     symlink), or {@code null} when it is
 */
public record FileChange(
    String path, String oldPath, ChangeType type, String skipReason, String headBlob, String baseBlob) {

  public boolean scanned() {
    return skipReason == null && type != ChangeType.DELETED;
  }

  public Optional<String> skip() {
    return Optional.ofNullable(skipReason);
  }
}
