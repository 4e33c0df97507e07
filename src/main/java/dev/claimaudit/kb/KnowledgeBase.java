package dev.claimaudit.kb;

import dev.claimaudit.git.GitRepository;
import dev.claimaudit.text.Texts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The audit's memory: {@code lessons.jsonl} (one line per block or warn finding of each audit)
 * and {@code file-notes.jsonl} (review notes per file). Lines are only ever appended; a line that
 * is not a valid record is skipped and reported, and kept as it is by every rewrite.
 */
public final class KnowledgeBase {
  public static final String LESSONS = "lessons.jsonl";
  public static final String NOTES = "file-notes.jsonl";
  /** Skipped lines listed by name in reports; the rest are counted. */
  static final int MAX_LISTED_SKIPS = 50;

  private final KbStore store;

  public KnowledgeBase(KbStore store) {
    this.store = store;
  }

  /**
   * The knowledge base at {@code location}: {@code git:REF} for a ref of {@code repository},
   * otherwise a directory (relative to {@code relativeTo} when relative).
   *
   * @param relativeTo the work tree (or git directory) of the audited repository: a directory in
   *     it reached through a symbolic link is the change's own, and is refused with {@link Linked}
   * @param create make a missing directory (for an audit that records); otherwise it must exist
   */
  public static KnowledgeBase open(String location, GitRepository repository, Path relativeTo, boolean create) {
    if (location == null || location.isBlank()) {
      throw new KbException("no knowledge base location given");
    }
    if (location.startsWith("git:")) {
      if (repository == null) {
        throw new KbException("knowledge base " + location + " is a git ref, and there is no repository to read it from");
      }
      return new KnowledgeBase(new RefStore(repository.refFiles(location.substring(4))));
    }
    Path dir;
    try {
      dir = Path.of(location);
    } catch (java.nio.file.InvalidPathException e) {
      throw new KbException("knowledge base location is not a usable path: " + location);
    }
    if (!dir.isAbsolute() && relativeTo != null) {
      dir = relativeTo.resolve(dir);
    }
    Path absolute = dir.toAbsolutePath().normalize();
    if (relativeTo != null) {
      refuseLinkIn(relativeTo.toAbsolutePath().normalize(), absolute, location);
    }
    return new KnowledgeBase(DirectoryStore.open(absolute, create));
  }

  /**
   * The knowledge base lies in the audited repository's work tree behind a symbolic link: the
   * link is the change's to set, so following it would let a pull request choose the memory of its
   * own audit (an empty one that escalates nothing) and where the audit writes.
   */
  public static final class Linked extends KbException {
    private static final long serialVersionUID = 1L;
    private final String path;

    Linked(String message, String path) {
      super(message);
      this.path = path;
    }

    /** The link, as a path of the repository. */
    public String path() {
      return path;
    }
  }

  private static void refuseLinkIn(Path root, Path dir, String location) {
    if (!dir.startsWith(root) || dir.equals(root)) {
      return;
    }
    Path at = root;
    for (Path part : root.relativize(dir)) {
      at = at.resolve(part);
      if (Files.isSymbolicLink(at)) {
        String link = root.relativize(at).toString().replace('\\', '/');
        throw new Linked("the knowledge base " + location + " is reached through the symbolic link " + link + " in the work tree, which"
            + " the change controls; it was neither read nor written", link);
      }
    }
  }

  public KbStore store() {
    return store;
  }

  public String describe() {
    return store.describe();
  }

  /** A line that was not a valid record: where it is and why. */
  public record Skipped(String file, int line, String problem) {
    @Override
    public String toString() {
      return file + ":" + line + " (" + problem + ")";
    }
  }

  /** Lines skipped while reading, the first {@link #MAX_LISTED_SKIPS} by name. */
  public static final class Skips {
    private final List<Skipped> listed = new ArrayList<>();
    private int count;

    void add(Skipped skipped) {
      count++;
      if (listed.size() < MAX_LISTED_SKIPS) {
        listed.add(skipped);
      }
    }

    public int count() {
      return count;
    }

    public List<Skipped> listed() {
      return List.copyOf(listed);
    }

    /** "2 malformed lines skipped: lessons.jsonl:4 (not JSON), …", or "" when none were. */
    public String describe() {
      if (count == 0) {
        return "";
      }
      StringBuilder text = new StringBuilder(Texts.plural(count, "malformed knowledge base line") + " skipped: ");
      for (int i = 0; i < Math.min(3, listed.size()); i++) {
        text.append(i == 0 ? "" : ", ").append(listed.get(i));
      }
      if (count > 3) {
        text.append(", …");
      }
      return text.toString();
    }
  }

  /** Streams every valid lesson; malformed lines go to {@code skips}. */
  public void lessons(Consumer<Lesson> consumer, Skips skips) {
    store.read(LESSONS, raw -> {
      if (raw.overlong()) {
        skips.add(new Skipped(LESSONS, raw.number(), unreadable(raw)));
        return;
      }
      Lesson.Parsed parsed = Lesson.parse(raw.bytes());
      if (parsed.lesson() != null) {
        consumer.accept(parsed.lesson());
      } else {
        skips.add(new Skipped(LESSONS, raw.number(), parsed.problem()));
      }
    });
  }

  /** Every valid file note, in file order; malformed lines go to {@code skips}. */
  public List<FileNote> notes(Skips skips) {
    List<FileNote> notes = new ArrayList<>();
    store.read(NOTES, raw -> {
      Optional<String> text = raw.text();
      if (text.isEmpty()) {
        skips.add(new Skipped(NOTES, raw.number(), unreadable(raw)));
        return;
      }
      FileNote.Parsed parsed = FileNote.parse(text.get());
      if (parsed.note() != null) {
        notes.add(parsed.note());
      } else {
        skips.add(new Skipped(NOTES, raw.number(), parsed.problem()));
      }
    });
    return notes;
  }

  private static String unreadable(RawLine raw) {
    return raw.overlong() ? "longer than " + JsonLines.MAX_LINE_BYTES / 1024 + " KiB" : "not UTF-8";
  }

  /** Appends the lessons in one write. */
  public void record(List<Lesson> lessons) {
    store.append(LESSONS, lessons.stream().map(Lesson::toJson).toList());
  }

  public void addNote(FileNote note) {
    String problem = FileNote.problem(note.path(), note.note());
    if (problem != null) {
      throw new KbException("cannot add the note: " + problem);
    }
    store.append(NOTES, List.of(note.toJson()));
  }

  /** What a prune removed and kept. */
  public record Pruned(int removed, int kept, int malformedKept) {}

  /** Removes the lessons older than {@code cutoff}; malformed lines and notes are kept as they are. */
  public Pruned prune(Instant cutoff) {
    int[] counts = new int[3];
    store.rewrite(LESSONS, bytes -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      for (byte[] line : JsonLines.split(bytes)) {
        RawLine raw = new RawLine(0, line.length > JsonLines.MAX_LINE_BYTES ? null : line);
        Lesson lesson = raw.text().map(Lesson::parse).map(Lesson.Parsed::lesson).orElse(null);
        if (lesson != null && lesson.time().isBefore(cutoff)) {
          counts[0]++;
          continue;
        }
        if (lesson == null && !raw.blank()) {
          counts[2]++;
        } else if (lesson != null) {
          counts[1]++;
        }
        out.writeBytes(line);
        out.write('\n');
      }
      return out.toByteArray();
    });
    return new Pruned(counts[0], counts[1], counts[2]);
  }

  /** How many lines a merge brought in, per file. */
  public record Merged(Map<String, Integer> added) {}

  /**
   * Adds the lines of {@code other} that this knowledge base lacks (exact duplicates are not
   * added twice), keeping this one's lines and their order. For two refs of one repository the
   * result is a merge commit, so that pushing it fast-forwards the other copy.
   */
  public Merged merge(KnowledgeBase other) {
    if (store instanceof DirectoryStore into && other.store instanceof DirectoryStore from && into.realDir().equals(from.realDir())) {
      throw new KbException("cannot merge " + from.dir() + " into itself (" + into.dir() + " is the same directory); a merge never writes"
          + " to its source");
    }
    Map<String, byte[]> incoming = new LinkedHashMap<>();
    for (String file : List.of(LESSONS, NOTES)) {
      incoming.put(file, other.store.bytes(file));
    }
    Map<String, Integer> added = new LinkedHashMap<>();
    if (store instanceof RefStore ref && other.store instanceof RefStore otherRef) {
      ref.merge(otherRef.ref(), List.of(LESSONS, NOTES), current -> {
        Map<String, byte[]> next = new LinkedHashMap<>();
        for (String file : List.of(LESSONS, NOTES)) {
          next.put(file, union(current.get(file), incoming.get(file), added, file));
        }
        return next;
      });
    } else {
      for (String file : List.of(LESSONS, NOTES)) {
        store.rewrite(file, current -> union(current, incoming.get(file), added, file));
      }
    }
    return new Merged(added);
  }

  private static byte[] union(byte[] current, byte[] incoming, Map<String, Integer> added, String file) {
    Set<String> present = new HashSet<>();
    for (byte[] line : JsonLines.split(current)) {
      present.add(new String(line, StandardCharsets.ISO_8859_1));
    }
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    int count = 0;
    for (byte[] line : JsonLines.split(incoming)) {
      if (new RawLine(0, line).blank()) {
        continue;
      }
      if (present.add(new String(line, StandardCharsets.ISO_8859_1))) {
        extra.writeBytes(line);
        extra.write('\n');
        count++;
      }
    }
    added.put(file, count);
    return count == 0 ? current : RefStore.concat(current, extra.toByteArray());
  }
}
