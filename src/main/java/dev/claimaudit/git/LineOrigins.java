package dev.claimaudit.git;

import dev.claimaudit.cores.Cores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Which commit of a range added a line that is at head: the newest commit after which the file
 * holds that line's text more often than before it. Meant for the few lines a report shows: it reads only the commits of the
 * range, only the files asked about, and skips merge commits (their diff adds nothing of its own).
 */
final class LineOrigins {
  /** Files larger than this are not diffed commit by commit; their lines stay unattributed. */
  static final long MAX_BYTES = 2L * 1024 * 1024;
  /** Fewest commits worth a reader of their own. */
  private static final int MIN_COMMITS_PER_PART = 200;
  /** Commits read before the lines still unattributed are looked at again. */
  private static final int STRETCH = 1_000;

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
    Map<String, Map<Integer, String>> wanted = wanted(head, lines);
    if (wanted.isEmpty()) {
      return found;
    }
    List<CommitInfo> singleParent = commits.stream().filter(info -> info.parentCount() == 1).toList();
    // Newest first, a stretch of commits at a time: most lines are found in the newest commits,
    // and the rest of a long range is not read once every line is.
    for (int from = 0; from < singleParent.size() && !wanted.isEmpty(); from += STRETCH) {
      List<CommitInfo> stretch = singleParent.subList(from, Math.min(singleParent.size(), from + STRETCH));
      List<Map<String, Set<String>>> addedByCommit = addedByCommit(stretch, wanted);
      for (int i = 0; i < stretch.size() && !wanted.isEmpty(); i++) {
        attribute(stretch.get(i).sha(), addedByCommit.get(i), wanted, found);
      }
    }
    return found;
  }

  /** Gives each wanted line that {@code added} holds to commit {@code sha}, and stops looking for it. */
  private static void attribute(String sha, Map<String, Set<String>> added, Map<String, Map<Integer, String>> wanted,
      Map<String, Map<Integer, String>> found) {
    for (Map.Entry<String, Set<String>> changed : added.entrySet()) {
      String path = changed.getKey();
      Map<Integer, String> open = wanted.get(path);
      if (open == null) {
        continue;
      }
      open.entrySet().removeIf(line -> {
        if (changed.getValue().contains(line.getValue())) {
          found.computeIfAbsent(path, key -> new TreeMap<>()).put(line.getKey(), sha);
          return true;
        }
        return false;
      });
      if (open.isEmpty()) {
        wanted.remove(path);
      }
    }
  }

  /** The text at head of each wanted line, by path and line number; lines past a file's end are left out. */
  private Map<String, Map<Integer, String>> wanted(String head, Map<String, Set<Integer>> lines) throws IOException {
    Map<String, Map<Integer, String>> wanted = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
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
    }
    return wanted;
  }

  /**
   * What each commit adds of the wanted lines ({@link #addedLines}), in the order of
   * {@code commits}. A range of thousands of commits is read in as many contiguous parts as there
   * are cores, each with its own reader; a version of a file is counted once per part, as a
   * commit's parent version is usually the version the next older commit made.
   */
  private List<Map<String, Set<String>>> addedByCommit(List<CommitInfo> commits, Map<String, Map<Integer, String>> wanted)
      throws IOException {
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), commits.size() / MIN_COMMITS_PER_PART));
    int size = (commits.size() + parts - 1) / parts;
    try {
      return Cores.map(parts, part -> addedByCommit(commits.subList(Math.min(commits.size(), part * size),
              Math.min(commits.size(), (part + 1) * size)), wanted, part))
          .stream()
          .flatMap(List::stream)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private List<Map<String, Set<String>>> addedByCommit(List<CommitInfo> commits, Map<String, Map<Integer, String>> wanted, int part) {
    List<Map<String, Set<String>>> added = new ArrayList<>(commits.size());
    Map<Version, Map<String, Integer>> counted = new HashMap<>();
    // The wanted paths are sorted into a filter once per part, not once per commit.
    TreeFilter changedWantedPaths = AndTreeFilter.create(PathFilterGroup.createFromStrings(wanted.keySet()), TreeFilter.ANY_DIFF);
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = new TreeKeepingReader(repository.newObjectReader())) {
      for (CommitInfo info : commits) {
        RevCommit commit = walk.parseCommit(ObjectId.fromString(info.sha()));
        RevTree parent = walk.parseCommit(commit.getParent(0)).getTree();
        added.add(addedLines(reader, parent, commit.getTree(), changedWantedPaths, wanted, counted));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("part " + part + " of the commits", e);
    }
    return added;
  }

  /**
   * Of the wanted lines of each path, those that {@code after} holds and {@code before} does not,
   * for the paths the commit changes: one walk of both trees, filtered to those paths and to what
   * differs, and a set lookup per wanted line instead of a diff of the whole file.
   */
  private static Map<String, Set<String>> addedLines(ObjectReader reader, RevTree before, RevTree after, TreeFilter changedWantedPaths,
      Map<String, Map<Integer, String>> wanted, Map<Version, Map<String, Integer>> counted) throws IOException {
    Map<String, Set<String>> added = new HashMap<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(before);
      walk.addTree(after);
      walk.setRecursive(true);
      walk.setFilter(changedWantedPaths);
      while (walk.next()) {
        Map<Integer, String> lines = wanted.get(walk.getPathString());
        ObjectId now = walk.getFileMode(1).getObjectType() == Constants.OBJ_BLOB ? walk.getObjectId(1) : null;
        if (lines == null || now == null) {
          continue;
        }
        ObjectId then = walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB ? walk.getObjectId(0) : null;
        Set<String> texts = new HashSet<>(lines.values());
        Map<String, Integer> counts = counts(reader, new Version(walk.getPathString(), now), texts, counted);
        Map<String, Integer> countsBefore = then == null ? Map.of() : counts(reader, new Version(walk.getPathString(), then), texts, counted);
        Set<String> inserted = new HashSet<>();
        for (String text : texts) {
          if (counts.getOrDefault(text, 0) > countsBefore.getOrDefault(text, 0)) {
            inserted.add(text);
          }
        }
        added.put(walk.getPathString(), inserted);
      }
    }
    return added;
  }

  /**
   * A reader that keeps the trees it reads: a commit's tree is the parent tree of the commit read
   * next, and neighbouring commits share most subtrees, so each is inflated once rather than once
   * per commit that holds it. Up to {@link #KEPT_TREE_BYTES} of trees are kept, the least recently
   * read let go first.
   */
  private static final class TreeKeepingReader extends ObjectReader.Filter {
    private static final long KEPT_TREE_BYTES = 8L * 1024 * 1024;

    private final ObjectReader reader;
    private final LinkedHashMap<ObjectId, byte[]> trees = new LinkedHashMap<>(1024, 0.75f, true);
    private long keptBytes;

    TreeKeepingReader(ObjectReader reader) {
      this.reader = reader;
    }

    @Override
    protected ObjectReader delegate() {
      return reader;
    }

    @Override
    public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
      if (typeHint != Constants.OBJ_TREE) {
        return reader.open(id, typeHint);
      }
      byte[] tree = trees.get(id);
      if (tree == null) {
        tree = reader.open(id, typeHint).getCachedBytes();
        trees.put(id.toObjectId(), tree);
        keptBytes += tree.length;
        for (Iterator<byte[]> eldest = trees.values().iterator(); keptBytes > KEPT_TREE_BYTES && eldest.hasNext(); ) {
          keptBytes -= eldest.next().length;
          eldest.remove();
        }
      }
      return new ObjectLoader.SmallObject(Constants.OBJ_TREE, tree);
    }
  }

  /** A version of a file: the wanted lines are those of its path. */
  private record Version(String path, ObjectId blob) {}

  /** {@link #occurrences} of the path's wanted lines in one version, remembered; none in a blob too large to read. */
  private static Map<String, Integer> counts(ObjectReader reader, Version version, Set<String> texts, Map<Version, Map<String, Integer>> counted)
      throws IOException {
    Map<String, Integer> counts = counted.get(version);
    if (counts == null) {
      ObjectLoader loader = reader.open(version.blob());
      counts = loader.getSize() > MAX_BYTES ? Map.of() : occurrences(loader.getCachedBytes(), texts);
      counted.put(version, counts);
    }
    return counts;
  }

  /** A wanted line and its UTF-8 bytes. */
  private record Encoded(String text, byte[] bytes) {}

  /**
   * How many lines of UTF-8 {@code content} (split as {@link String#lines} splits its text) are
   * each of {@code texts}: a commit adds a line whose text it holds more often than its parent
   * did. Only the few lines a report shows are counted, so the bytes are not decoded: a line is
   * compared only when its length in bytes is one of theirs, commit after commit.
   */
  static Map<String, Integer> occurrences(byte[] content, Set<String> texts) {
    Map<Integer, List<Encoded>> byLength = new HashMap<>();
    // Every line of every commit is looked up here: most are passed over by their length alone, without boxing it.
    BitSet lengths = new BitSet();
    for (String text : texts) {
      Encoded encoded = new Encoded(text, text.getBytes(StandardCharsets.UTF_8));
      byLength.computeIfAbsent(encoded.bytes().length, length -> new ArrayList<>()).add(encoded);
      lengths.set(encoded.bytes().length);
    }
    Map<String, Integer> counts = new HashMap<>();
    int start = 0;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n' && content[end] != '\r') {
        end++;
      }
      if (lengths.get(end - start)) {
        for (Encoded text : byLength.get(end - start)) {
          if (Arrays.equals(content, start, end, text.bytes(), 0, text.bytes().length)) {
            counts.merge(text.text(), 1, Integer::sum);
          }
        }
      }
      start = end + (end + 1 < content.length && content[end] == '\r' && content[end + 1] == '\n' ? 2 : 1);
    }
    return counts;
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
