package dev.claimaudit.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads files out of a tree, refusing anything that is not a regular text file of bounded size. */
final class Trees {
  private Trees() {}

  static Optional<String> readText(Repository repository, AnyObjectId tree, String path, long maxBytes) throws IOException {
    if (!isSafeRelativePath(path)) {
      return Optional.empty();
    }
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return Optional.empty();
      }
      FileMode mode = walk.getFileMode(0);
      if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
        return Optional.empty();
      }
      if (reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB) > maxBytes) {
        return Optional.empty();
      }
      return TextContent.decode(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes());
    }
  }

  /** Like {@link #readText}, but says why a file that is there cannot be read. */
  static RevisionFile readFile(Repository repository, AnyObjectId tree, String path, long maxBytes) throws IOException {
    if (!isSafeRelativePath(path)) {
      return RevisionFile.MISSING;
    }
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return RevisionFile.MISSING;
      }
      FileMode mode = walk.getFileMode(0);
      if (mode == FileMode.SYMLINK) {
        return new RevisionFile(null, "is a symbolic link, not a file");
      }
      if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
        return new RevisionFile(null, "is not a regular file");
      }
      long size = reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
      if (size > maxBytes) {
        return new RevisionFile(null, "is larger than " + maxBytes + " bytes");
      }
      Optional<String> text = TextContent.decode(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes());
      return text.map(content -> new RevisionFile(content, null)).orElseGet(() -> new RevisionFile(null, "is binary, not text"));
    }
  }

  /**
   * A repository-relative path with no {@code ..}, no leading slash and no empty segment. A
   * backslash is an ordinary character of a file name in a git tree, and looking a path up in a
   * tree never touches the file system, so it is allowed.
   */
  static boolean isSafeRelativePath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
