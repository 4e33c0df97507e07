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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Which commit of a range added a line that is at head: the newest commit after which the file
 * holds that line's text more often than before it. Meant for the few lines a report shows: it reads
 * only the commits of the range, and of each commit's tree only the folders on the way to the files
 * asked about; it skips merge commits (their diff adds nothing of its own).
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
    // A commit's parent is usually the next commit of the range, whose tree the range's walk read:
    // the commits are not parsed again.
    Map<String, String> trees = new HashMap<>();
    commits.forEach(info -> trees.put(info.sha(), info.tree()));
    // Newest first, a stretch of commits at a time: most lines are found in the newest commits,
    // and the rest of a long range is not read once every line is.
    for (int from = 0; from < singleParent.size() && !wanted.isEmpty(); from += STRETCH) {
      List<CommitInfo> stretch = singleParent.subList(from, Math.min(singleParent.size(), from + STRETCH));
      List<Map<String, Set<String>>> addedByCommit = addedByCommit(stretch, wanted, trees);
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
    List<String> paths = List.copyOf(new TreeSet<>(lines.keySet()));
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      ObjectId[] blobs = new PathBlobs(reader, paths).in(walk.parseCommit(ObjectId.fromString(head)).getTree());
      for (int p = 0; p < paths.size(); p++) {
        List<String> text = blobs[p] == null ? List.of() : lines(reader, blobs[p]);
        Map<Integer, String> byLine = new HashMap<>();
        for (int line : lines.get(paths.get(p))) {
          if (line >= 1 && line <= text.size()) {
            byLine.put(line, text.get(line - 1));
          }
        }
        if (!byLine.isEmpty()) {
          wanted.put(paths.get(p), byLine);
        }
      }
    }
    return wanted;
  }

  /**
   * What each commit adds of the wanted lines, in the order of {@code commits}: of each wanted path
   * whose file the commit changes, the texts of its wanted lines that the file holds more often
   * after the commit than before it. A range of thousands of commits is read in as many contiguous
   * parts as there are cores, each with its own reader; a version of a file is counted once per
   * part, as a commit's parent version is usually the version the next older commit made.
   */
  private List<Map<String, Set<String>>> addedByCommit(List<CommitInfo> commits, Map<String, Map<Integer, String>> wanted,
      Map<String, String> trees) throws IOException {
    List<String> paths = List.copyOf(new TreeSet<>(wanted.keySet()));
    List<Set<String>> texts = paths.stream().<Set<String>>map(path -> Set.copyOf(wanted.get(path).values())).toList();
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), commits.size() / MIN_COMMITS_PER_PART));
    int size = (commits.size() + parts - 1) / parts;
    try {
      return Cores.map(parts, part -> addedByCommit(commits.subList(Math.min(commits.size(), part * size),
              Math.min(commits.size(), (part + 1) * size)), paths, texts, trees, part))
          .stream()
          .flatMap(List::stream)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private List<Map<String, Set<String>>> addedByCommit(List<CommitInfo> commits, List<String> paths, List<Set<String>> texts,
      Map<String, String> trees, int part) {
    List<Map<String, Set<String>>> added = new ArrayList<>(commits.size());
    Map<Version, Map<String, Integer>> counted = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      PathBlobs blobs = new PathBlobs(reader, paths);
      for (CommitInfo info : commits) {
        String parentTree = trees.get(info.firstParent());
        ObjectId[] after = blobs.in(ObjectId.fromString(info.tree()));
        ObjectId[] before = blobs.in(parentTree != null ? ObjectId.fromString(parentTree)
            : walk.parseCommit(ObjectId.fromString(info.firstParent())).getTree());
        Map<String, Set<String>> inserted = new HashMap<>();
        for (int p = 0; p < paths.size(); p++) {
          if (after[p] != null && !after[p].equals(before[p])) {
            Map<String, Integer> counts = counts(reader, new Version(paths.get(p), after[p]), texts.get(p), counted);
            Map<String, Integer> countsBefore = before[p] == null ? Map.of()
                : counts(reader, new Version(paths.get(p), before[p]), texts.get(p), counted);
            inserted.put(paths.get(p), texts.get(p).stream()
                .filter(text -> counts.getOrDefault(text, 0) > countsBefore.getOrDefault(text, 0))
                .collect(Collectors.toSet()));
          }
        }
        added.add(inserted);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("part " + part + " of the commits", e);
    }
    return added;
  }

  /**
   * The blob of each of a few paths in a tree, found by reading only the folders on the way to them.
   * What a folder holds of the paths is remembered by the folder's id: neighbouring commits share
   * most folders, so a commit costs the folders it changed, not a walk of the whole way down.
   */
  static final class PathBlobs {
    private final ObjectReader reader;
    private final Folder root = new Folder(0);
    private final int count;

    /** @param paths distinct file paths, none a folder of another */
    PathBlobs(ObjectReader reader, List<String> paths) {
      this.reader = reader;
      this.count = paths.size();
      for (int i = 0; i < paths.size(); i++) {
        Folder folder = root;
        String[] names = paths.get(i).split("/");
        for (int n = 0; n < names.length - 1; n++) {
          folder = folder.folder(names[n], i);
        }
        folder.file(names[names.length - 1], i);
      }
    }

    /** The blob of each path in {@code tree}, in the order of the paths; null where it holds no file at the path. */
    ObjectId[] in(ObjectId tree) throws IOException {
      ObjectId[] blobs = new ObjectId[count];
      fill(root, tree, blobs);
      return blobs;
    }

    private void fill(Folder folder, ObjectId tree, ObjectId[] blobs) throws IOException {
      ObjectId[] known = folder.seen.get(tree);
      if (known != null) {
        System.arraycopy(known, 0, blobs, folder.first, known.length);
        return;
      }
      CanonicalTreeParser entries = new CanonicalTreeParser(null, reader, tree);
      for (int left = folder.entries.size(); left > 0 && !entries.eof(); entries.next()) {
        Entry entry = folder.named(entries.getEntryPathBuffer(), entries.getNameOffset(), entries.getNameLength());
        if (entry == null) {
          continue;
        }
        left--;
        int type = entries.getEntryFileMode().getObjectType();
        if (entry.file() >= 0 && type == Constants.OBJ_BLOB) {
          blobs[entry.file()] = entries.getEntryObjectId();
        } else if (entry.folder() != null && type == Constants.OBJ_TREE) {
          fill(entry.folder(), entries.getEntryObjectId(), blobs);
        }
      }
      folder.seen.put(tree.copy(), Arrays.copyOfRange(blobs, folder.first, folder.end));
    }

    /** A folder on the way to some of the paths: the paths {@code first} to {@code end} (exclusive) are under it. */
    private static final class Folder {
      final List<Entry> entries = new ArrayList<>();
      final Map<ObjectId, ObjectId[]> seen = new HashMap<>();
      final int first;
      int end;

      Folder(int first) {
        this.first = first;
      }

      Folder folder(String name, int path) {
        end = path + 1;
        byte[] bytes = utf8(name);
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.folder() != null && Arrays.equals(last.name(), bytes)) {
          return last.folder();
        }
        Folder folder = new Folder(path);
        entries.add(new Entry(bytes, -1, folder));
        return folder;
      }

      void file(String name, int path) {
        end = path + 1;
        entries.add(new Entry(utf8(name), path, null));
      }

      Entry named(byte[] buffer, int offset, int length) {
        for (Entry entry : entries) {
          if (Arrays.equals(buffer, offset, offset + length, entry.name(), 0, entry.name().length)) {
            return entry;
          }
        }
        return null;
      }

      private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
      }
    }

    /** A name in a folder: the file of path number {@code file}, or a folder (file is then -1). */
    private record Entry(byte[] name, int file, Folder folder) {}
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

  private static List<String> lines(ObjectReader reader, ObjectId blob) throws IOException {
    ObjectLoader loader = reader.open(blob);
    if (loader.getSize() > MAX_BYTES) {
      return List.of();
    }
    return new String(loader.getCachedBytes(), StandardCharsets.UTF_8).lines().toList();
  }
}
