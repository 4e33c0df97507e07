package dev.claimaudit.checks;

import dev.claimaudit.cores.Cores;
import dev.claimaudit.git.AddedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The words of the lines a change adds, each with the first file that adds it. A word is a
 * maximal run of {@code [A-Za-z0-9_]}, the characters {@code \w} matches.
 *
 * <p>It answers "where can this name occur as a whole word?" without reading the added lines
 * again: a name bounded by non-word characters that occurs in an added line holds its first
 * word as a whole word of that line, so when no added line holds that word the name occurs
 * nowhere, and otherwise no file before the first one that adds the word can hold it.
 *
 * <p>Each thread of the scan fills its own table (one file at a time, in increasing order) and a
 * lookup asks every table; memory grows with the vocabulary of the change, not with its lines.
 */
public final class AddedWords {
  /** Longer runs (hashes, encoded data) are not recorded; a name starting with one is searched everywhere. */
  static final int MAX_WORD = 64;
  /** Slots of a table given to a core at a time when every word is visited. */
  private static final int SLOTS_PER_RUN = 1 << 12;

  private final boolean recorded;
  /** Words a table tells of when lines first give it one ({@link Table#add}). */
  private final Set<String> watched;
  private final List<Table> tables = new ArrayList<>();

  /** @param recorded whether the scan records words; when not, every lookup answers 0 (look everywhere) */
  AddedWords(boolean recorded) {
    this(recorded, Set.of());
  }

  /** @param watched words whose first file each table tells of as it records them */
  AddedWords(boolean recorded, Set<String> watched) {
    this.recorded = recorded;
    this.watched = Set.copyOf(watched);
  }

  boolean recorded() {
    return recorded;
  }

  /**
   * Gives every word recorded, once per table that holds it, on every core, the tables' slots
   * shared out in runs of {@link #SLOTS_PER_RUN} whatever each table holds; after the scan, when
   * no table changes any more. {@code action} must be safe to call from several threads at once.
   */
  void forEachWord(Consumer<String> action) {
    List<String[]> all = new ArrayList<>();
    synchronized (this) {
      tables.forEach(table -> all.add(table.words));
    }
    List<int[]> runs = new ArrayList<>();
    for (int table = 0; table < all.size(); table++) {
      for (int from = 0; from < all.get(table).length; from += SLOTS_PER_RUN) {
        runs.add(new int[] {table, from});
      }
    }
    Cores.forEach(runs.size(), run -> {
      String[] words = all.get(runs.get(run)[0]);
      int from = runs.get(run)[1];
      for (int slot = from; slot < Math.min(words.length, from + SLOTS_PER_RUN); slot++) {
        if (words[slot] != null) {
          action.accept(words[slot]);
        }
      }
    });
  }

  /** A table for one thread to fill; all tables must be added before the first lookup. */
  synchronized Table newTable() {
    Table table = new Table(watched);
    tables.add(table);
    return table;
  }

  /**
   * The index of the first file that can hold {@code name} as a whole word, {@code -1} when no
   * added line can, and {@code 0} when the index cannot tell (the name has no word of its own).
   * Every word of a name that occurs as a whole word is a whole word of the line it occurs in, so
   * the name cannot occur before the first file that adds its last-seen word, nor at all when one
   * of its words is never added ({@code config.retries} when no added line says {@code retries}).
   */
  public synchronized int firstFileFor(String name) {
    if (!recorded) {
      return 0;
    }
    int latest = 0;
    for (String word : wordsOf(name)) {
      int first = firstFileFor(word, 0, word.length());
      if (first < 0) {
        return -1;
      }
      latest = Math.max(latest, first);
    }
    return latest;
  }

  /** The first file that adds the word {@code name[start, end)}, or -1. */
  private int firstFileFor(String name, int start, int end) {
    int first = -1;
    for (Table table : tables) {
      int file = table.get(name, start, end);
      if (file >= 0 && (first < 0 || file < first)) {
        first = file;
      }
    }
    return first;
  }

  /** The words of {@code text} a table records: its runs of word characters, none longer than {@link #MAX_WORD}. */
  static List<String> wordsOf(String text) {
    List<String> words = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      if (!isWordChar(text.charAt(start))) {
        start++;
        continue;
      }
      int end = start;
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
      if (end - start <= MAX_WORD) {
        words.add(text.substring(start, end));
      }
      start = end;
    }
    return words;
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * Word to first file, by open addressing on the word's characters so that looking up a word
   * already seen allocates nothing; only a new word is copied out of its line.
   */
  static final class Table {
    private final Set<String> watched;
    private String[] words = new String[1 << 12];
    private int[] files = new int[1 << 12];
    private int size;
    /** Whether the lines being added gave the table a watched word it did not hold. */
    private boolean firstWatched;

    Table(Set<String> watched) {
      this.watched = watched;
    }

    /**
     * Records the words of {@code lines}, added by the file at {@code file}, and gives
     * {@code unrecorded} the text of each line that holds what the table does not record: a
     * character outside ASCII, or a word longer than {@link #MAX_WORD}. Returns whether the lines
     * gave the table a watched word it did not hold: a table is filled in the order of the files,
     * so the first file that adds a word anywhere is the first to add it to some table.
     */
    boolean add(int file, List<AddedLine> lines, Consumer<String> unrecorded) {
      firstWatched = false;
      for (AddedLine line : lines) {
        String text = line.text();
        int length = text.length();
        boolean outside = false;
        int i = 0;
        while (i < length) {
          char c = text.charAt(i);
          if (!isWordChar(c)) {
            outside |= c >= 0x80;
            i++;
            continue;
          }
          // The word's hash is made as it is read, as hash() makes it from the word.
          int start = i;
          int hash = 0;
          do {
            hash = 31 * hash + c;
            i++;
          } while (i < length && isWordChar(c = text.charAt(i)));
          if (i - start <= MAX_WORD) {
            put(text, start, i, hash, file);
          } else {
            outside = true;
          }
        }
        if (outside) {
          unrecorded.accept(text);
        }
      }
      return firstWatched;
    }

    private void put(String text, int start, int end, int hash, int file) {
      int mask = words.length - 1;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        String word = words[slot];
        if (word == null) {
          String added = text.substring(start, end);
          words[slot] = added;
          files[slot] = file;
          firstWatched |= watched.contains(added);
          if (++size * 2 > words.length) {
            grow();
          }
          return;
        }
        if (same(word, hash, text, start, end)) {
          files[slot] = Math.min(files[slot], file);
          return;
        }
      }
    }

    int get(String text, int start, int end) {
      int hash = hash(text, start, end);
      int mask = words.length - 1;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        String word = words[slot];
        if (word == null) {
          return -1;
        }
        if (same(word, hash, text, start, end)) {
          return files[slot];
        }
      }
    }

    private static boolean same(String word, int hash, String text, int start, int end) {
      return word.length() == end - start && word.hashCode() == hash && word.regionMatches(0, text, start, end - start);
    }

    private void grow() {
      String[] oldWords = words;
      int[] oldFiles = files;
      words = new String[oldWords.length * 2];
      files = new int[oldWords.length * 2];
      int mask = words.length - 1;
      for (int i = 0; i < oldWords.length; i++) {
        String word = oldWords[i];
        if (word != null) {
          int slot = spread(word.hashCode()) & mask;
          while (words[slot] != null) {
            slot = (slot + 1) & mask;
          }
          words[slot] = word;
          files[slot] = oldFiles[i];
        }
      }
    }

    /** The same value as {@link String#hashCode()} of the run, without making the string. */
    private static int hash(String text, int start, int end) {
      int hash = 0;
      for (int i = start; i < end; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      return hash;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }
}
