package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.cores.Cores;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.text.KeywordIndex;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.Confusables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Placeholders that only moved: a finding whose line, read without white space and trailing
 * commas, is a line the same change removes somewhere (in the same file or another, a deleted
 * one included) was there before the change and is not new. A reformatted line counts when what is
 * left of it is the tail of a removed line. Each removed line accounts for one finding.
 */
public final class MovedPlaceholders {
  /**
   * Shortest tail of a removed line that counts as the same line reflowed when it does not start
   * as a fragment: shorter ones ({@code todo!()}, {@code raise NotImplementedError}) are too common.
   */
  static final int MIN_PART = 28;
  /** Characters a wrapped line's tail starts with. */
  private static final String FRAGMENT = ")]}.,:=-+*/&|?>";

  /** Closing brackets a comma before is dropped at. */
  private static final String CLOSING = ")]}>";

  private final KeywordIndex keywords;
  private final List<String> removed = new ArrayList<>();
  /** Each removed line that holds a keyword joined to the removed line before it: a statement already wrapped before the change. */
  private final List<String> removedPairs = new ArrayList<>();

  public MovedPlaceholders(Catalog catalog) {
    this.keywords = KeywordIndex.of(catalog.rules().stream().map(Rule::keywords).toList());
  }

  /** Records the removed lines of one file that hold a keyword of some rule; safe to call from several threads. */
  public void collect(List<String> removedLines) {
    List<String> kept = new ArrayList<>();
    List<String> joined = new ArrayList<>();
    String previous = null;
    for (String line : removedLines) {
      if (holdsKeyword(line)) {
        kept.add(normal(line));
        if (previous != null) {
          joined.add(normal(previous, line));
        }
      }
      previous = line;
    }
    if (!kept.isEmpty()) {
      synchronized (removed) {
        removed.addAll(kept);
        removedPairs.addAll(joined);
      }
    }
  }

  /** Whether a removed line may be a placeholder that moved: it holds a keyword of some rule, or a look-alike that may spell one. */
  boolean holdsKeyword(String line) {
    int ascii = keywords.inAsciiText(line);
    return ascii >= 0 ? ascii == 1 : keywords.anyIn(line) || Confusables.affects(line);
  }

  /** {@code findings} without the placeholders that only moved, in the same order. */
  public List<Finding> withoutMoved(List<Finding> findings) {
    if (findings.stream().noneMatch(MovedPlaceholders::placeholder)) {
      return findings;
    }
    List<List<String>> recorded;
    synchronized (removed) {
      if (removed.isEmpty()) {
        return findings;
      }
      recorded = List.of(List.copyOf(removed), List.copyOf(removedPairs));
    }
    // The two indexes are made on two cores: a range that removes much code has tens of thousands of such lines.
    List<Unclaimed> indexed = Cores.map(recorded.size(), i -> new Unclaimed(recorded.get(i)));
    Unclaimed lines = indexed.get(0);
    Unclaimed pairs = indexed.get(1);
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (!placeholder(finding)) {
        kept.add(finding);
        continue;
      }
      String line = normal(finding.snippet());
      if (line.isEmpty() || !(lines.takeEqual(line) || lines.takeReflowed(line) || pairs.takeReflowed(line))) {
        kept.add(finding);
      }
    }
    return kept;
  }

  private static boolean placeholder(Finding finding) {
    return finding.ruleClass() != null && finding.snippet() != null;
  }

  /**
   * Removed lines (or pairs of them) not yet accounted for by a finding, in the order they were
   * recorded, found by their whole text or by their last two characters: a change that moves
   * thousands of lines has as many removed lines, which each finding must not read one by one.
   * Held in arrays of ints, a few per line, as a change may remove a million lines.
   */
  private static final class Unclaimed {
    private static final int[] NONE = {};

    private final List<String> lines;
    private final boolean[] taken;
    /** For each line, the next line with the same text, or -1. */
    private final int[] nextSame;
    /** Open addressing by text: a line with that text (-1 for a free slot), and the first of them not taken (-1 when all are). */
    private final int[] slotLine;
    private final int[] slotFirst;
    /** The lines of two or more characters by their last two characters, each in order. */
    private final Map<Integer, int[]> byEnd = new HashMap<>();

    Unclaimed(List<String> lines) {
      this.lines = lines;
      int count = lines.size();
      taken = new boolean[count];
      nextSame = new int[count];
      slotLine = new int[Integer.highestOneBit(Math.max(2, count * 3 / 2)) * 2];
      slotFirst = new int[slotLine.length];
      Arrays.fill(slotLine, -1);
      int[] lastSame = new int[slotLine.length];
      Map<Integer, Integer> ends = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String line = lines.get(i);
        nextSame[i] = -1;
        int slot = slotOf(line);
        if (slotLine[slot] < 0) {
          slotLine[slot] = i;
          slotFirst[slot] = i;
        } else {
          nextSame[lastSame[slot]] = i;
        }
        lastSame[slot] = i;
        if (line.length() >= 2) {
          ends.merge(end(line), 1, Integer::sum);
        }
      }
      ends.forEach((end, size) -> byEnd.put(end, new int[size]));
      Map<Integer, Integer> filled = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String line = lines.get(i);
        if (line.length() >= 2) {
          byEnd.get(end(line))[filled.merge(end(line), 1, Integer::sum) - 1] = i;
        }
      }
    }

    /** Takes the first line that is {@code line}; whether there was one. */
    boolean takeEqual(String line) {
      int slot = slotOf(line);
      if (slotLine[slot] < 0 || slotFirst[slot] < 0) {
        return false;
      }
      take(slotFirst[slot]);
      return true;
    }

    /**
     * Takes the first line of which {@code line} is what is left on its own line after a reformat
     * wrapped it: its tail, and either a fragment (it starts with a closing bracket or an
     * operator) or long enough not to be a common statement such as {@code todo!()}; whether
     * there was one.
     */
    boolean takeReflowed(String line) {
      if (FRAGMENT.indexOf(line.charAt(0)) < 0 && line.length() < MIN_PART) {
        return false;
      }
      // A tail of two or more characters ends as the line does; a tail of one is looked for everywhere.
      int[] candidates = line.length() >= 2 ? byEnd.getOrDefault(end(line), NONE) : null;
      int count = candidates == null ? lines.size() : candidates.length;
      for (int k = 0; k < count; k++) {
        int i = candidates == null ? k : candidates[k];
        String removed = lines.get(i);
        if (!taken[i] && line.length() < removed.length() && removed.endsWith(line)) {
          take(i);
          return true;
        }
      }
      return false;
    }

    private void take(int line) {
      taken[line] = true;
      int slot = slotOf(lines.get(line));
      if (slotFirst[slot] == line) {
        int next = nextSame[line];
        while (next >= 0 && taken[next]) {
          next = nextSame[next];
        }
        slotFirst[slot] = next;
      }
    }

    /** The slot of {@code text}: the one that holds it, else the free one where it would go. */
    private int slotOf(String text) {
      int mask = slotLine.length - 1;
      int hash = text.hashCode();
      for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        if (slotLine[slot] < 0 || lines.get(slotLine[slot]).equals(text)) {
          return slot;
        }
      }
    }

    /** The last two characters of a line, as one key. */
    private static int end(String line) {
      return line.charAt(line.length() - 2) << 16 | line.charAt(line.length() - 1);
    }
  }

  /**
   * A line without white space, without a comma before a closing bracket and without a trailing
   * comma or semicolon; in one pass, since every removed line with a keyword is read so.
   */
  static String normal(String line) {
    return normal(line, "");
  }

  /** {@link #normal} of {@code first + second}, without making the joined line. */
  static String normal(String first, String second) {
    char[] kept = new char[first.length() + second.length()];
    int length = withoutSpace(second, kept, withoutSpace(first, kept, 0));
    // Filtered in place: a character is written no later than it was read.
    int end = 0;
    for (int i = 0; i < length; i++) {
      char c = kept[i];
      if (c != ',' || i + 1 == length || CLOSING.indexOf(kept[i + 1]) < 0) {
        kept[end++] = c;
      }
    }
    while (end > 0 && (kept[end - 1] == ',' || kept[end - 1] == ';')) {
      end--;
    }
    return new String(kept, 0, end);
  }

  /** Copies {@code text} without its white space into {@code into} from {@code at} on; returns where the copy ends. */
  private static int withoutSpace(String text, char[] into, int at) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        into[at++] = c;
      }
    }
    return at;
  }

  /** White space as {@code \s} in a pattern matches it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
