package dev.claimaudit.git;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Which commit of a range added a line that is at head: the newest commit whose own diff adds that
 * line's text to the file. Meant for the few lines a report shows: it reads only the commits of the
 * range, only the files asked about, and skips merge commits (their diff adds nothing of its own).
 */
final class LineOrigins {
  /** Files larger than this are not diffed commit by commit; their lines stay unattributed. */
  static final long MAX_BYTES = 2L * 1024 * 1024;

  private final Repository repository;

  LineOrigins(Repository repository) {
    this.repository = repository;
  }

  /**
   * @param head the commit the lines are numbered at
   * @param commits the range's commits, newest first
   * @param lines 1-based line numbers at head, by path
   * @return the full id of the commit that added each line, by path and line; a line no commit of
   *     the range added (or that could not be read) is left out
   */
  Map<String, Map<Integer, String>> of(String head, List<CommitInfo> commits, Map<String, Set<Integer>> lines) throws IOException {
    Map<String, Map<Integer, String>> found = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      Map<String, Map<Integer, String>> wanted = new HashMap<>();
      RevTree headTree = walk.parseCommit(ObjectId.fromString(head)).getTree();
      for (Map.Entry<String, Set<Integer>> file : lines.entrySet()) {
        List<String> text = text(reader, headTree, file.getKey());
        Map<Integer, String> byLine = new HashMap<>();
        for (int line : file.getValue()) {
          if (line >= 1 && line <= text.size()) {
            byLine.put(line, text.get(line - 1));
          }
        }
        if (!byLine.isEmpty()) {
          wanted.put(file.getKey(), byLine);
        }
      }
      for (CommitInfo info : commits) {
        if (wanted.isEmpty()) {
          break;
        }
        if (info.parentCount() != 1) {
          continue;
        }
        RevCommit commit = walk.parseCommit(ObjectId.fromString(info.sha()));
        RevTree parent = walk.parseCommit(commit.getParent(0)).getTree();
        for (String path : List.copyOf(wanted.keySet())) {
          Set<String> added = added(reader, parent, commit.getTree(), path);
          Map<Integer, String> open = wanted.get(path);
          open.entrySet().removeIf(line -> {
            if (added.contains(line.getValue())) {
              found.computeIfAbsent(path, key -> new TreeMap<>()).put(line.getKey(), info.sha());
              return true;
            }
            return false;
          });
          if (open.isEmpty()) {
            wanted.remove(path);
          }
        }
      }
    }
    return found;
  }

  /** The lines {@code path}'s diff from {@code before} to {@code after} inserts. */
  private static Set<String> added(ObjectReader reader, RevTree before, RevTree after, String path) throws IOException {
    ObjectId now = blob(reader, after, path);
    ObjectId then = blob(reader, before, path);
    if (now == null || now.equals(then)) {
      return Set.of();
    }
    List<String> target = lines(reader, now);
    List<String> source = then == null ? List.of() : lines(reader, then);
    Set<String> added = new HashSet<>();
    for (AbstractDelta<String> delta : DiffUtils.diff(source, target).getDeltas()) {
      if (delta.getType() == DeltaType.INSERT || delta.getType() == DeltaType.CHANGE) {
        added.addAll(delta.getTarget().getLines());
      }
    }
    return added;
  }

  private static List<String> text(ObjectReader reader, RevTree tree, String path) throws IOException {
    ObjectId id = blob(reader, tree, path);
    return id == null ? List.of() : lines(reader, id);
  }

  private static ObjectId blob(ObjectReader reader, RevTree tree, String path) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      return walk == null ? null : walk.getObjectId(0);
    }
  }

  private static List<String> lines(ObjectReader reader, ObjectId blob) throws IOException {
    ObjectLoader loader = reader.open(blob);
    if (loader.getSize() > MAX_BYTES) {
      return List.of();
    }
    return new String(loader.getCachedBytes(), StandardCharsets.UTF_8).lines().toList();
  }
}
