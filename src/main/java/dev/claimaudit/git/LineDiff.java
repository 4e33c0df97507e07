package dev.claimaudit.git;

import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
import org.eclipse.jgit.util.IntList;

/**
 * The line diff of a file's two sides, white space not compared: a re-indented line, or one whose
 * line end went from CRLF to LF, is not added by the change. Each distinct line, read without its
 * spaces, tabs, carriage returns and line end, is given a number once, in the pass that splits
 * the text into lines, and JGit's histogram diff compares the numbers: a diff compares each line
 * many times, and a number is compared in one step where the line's bytes took one step each. The
 * lines both sides start with, byte for byte the same, are split but not numbered.
 *
 * @param baseLines the line starts of the base side, as {@link org.eclipse.jgit.util.RawParseUtils#lineMap} gives them
 * @param headLines the line starts of the head side, the same way
 * @param edits the edits from base to head, in (0-based) lines of each side
 * @param printable whether both sides are printable text ({@link #printableAt}), as the pass that split them found
 */
record LineDiff(IntList baseLines, IntList headLines, EditList edits, boolean printable) {
  private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);
  /** Bytes per line assumed when sizing for a text, about that of source code. */
  private static final int LINE_BYTES = 36;

  static LineDiff of(byte[] base, byte[] head) {
    int shared = sharedLinesEnd(base, head);
    Numbering numbering = new Numbering((base.length + head.length - 2 * shared) / LINE_BYTES + 8);
    Side b = numbering.split(head, shared, null);
    Side a = numbering.split(base, shared, b.lines());
    // Both sides have the same lines up to the shared end, so the same number of them.
    int first = a.first();
    EditList edits = new EditList();
    for (Edit edit : HISTOGRAM.diff(BY_NUMBER, a.numbers(), b.numbers())) {
      edits.add(new Edit(edit.getBeginA() + first, edit.getEndA() + first, edit.getBeginB() + first, edit.getEndB() + first));
    }
    return new LineDiff(a.lines(), b.lines(), edits, a.printable() && b.printable());
  }

  /**
   * The line starts of a text the whole of which a change adds, as {@link
   * org.eclipse.jgit.util.RawParseUtils#lineMap} gives them, when it is printable ({@link
   * #printableAt}); empty when it is not, found in the same one pass.
   */
  static Optional<IntList> printableLines(byte[] content) {
    IntList lines = new IntList(content.length / LINE_BYTES + 2);
    lines.add(Integer.MIN_VALUE);
    int i = 0;
    while (i < content.length) {
      lines.add(i);
      while (i < content.length && content[i] != '\n') {
        if (content[i] < ' ' && !printableAt(content, i)) {
          return Optional.empty();
        }
        i++;
      }
      i++;
    }
    lines.add(content.length);
    return Optional.of(lines);
  }

  /**
   * Whether the byte at {@code i} is printable ASCII, a tab, a line feed, or a carriage return
   * before a line feed: a text of such bytes only needs no decoding to be read, whichever way it
   * is, and is called printable here.
   */
  private static boolean printableAt(byte[] content, int i) {
    byte b = content[i];
    return b >= ' ' || b == '\t' || b == '\n' || b == '\r' && i + 1 < content.length && content[i + 1] == '\n';
  }

  /**
   * Where the lines two texts start with, byte for byte the same, end: a line start in both, just
   * after the last {@code \n} they share. Those lines are equal in any comparison, and a line diff
   * that reduces the common start and end of its texts before anything else (as JGit's does)
   * finds the same edits after them whether it is given them or not.
   */
  static int sharedLinesEnd(byte[] a, byte[] b) {
    int mismatch = Arrays.mismatch(a, b);
    int end = mismatch < 0 ? a.length : mismatch;
    while (end > 0 && a[end - 1] != '\n') {
      end--;
    }
    return end;
  }

  /**
   * One side split into lines.
   *
   * @param lines the line starts, as {@link org.eclipse.jgit.util.RawParseUtils#lineMap} gives them
   * @param first the (0-based) line from which on lines are numbered
   * @param numbers the numbers of the lines from {@code first} on
   * @param printable whether the bytes the split read are printable ({@link #printableAt}): all of
   *     them, or those from {@code first} on when the lines before came from the other side
   */
  private record Side(IntList lines, int first, Numbers numbers, boolean printable) {}

  /** The lines of one side from some line on, as the numbers of their texts. */
  private static final class Numbers extends Sequence {
    private int[] numbers;
    private int size;

    Numbers(int capacity) {
      numbers = new int[Math.max(capacity, 4)];
    }

    void add(int number) {
      if (size == numbers.length) {
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      numbers[size++] = number;
    }

    @Override
    public int size() {
      return size;
    }
  }

  private static final SequenceComparator<Numbers> BY_NUMBER = new SequenceComparator<>() {
    @Override
    public boolean equals(Numbers a, int ai, Numbers b, int bi) {
      return a.numbers[ai] == b.numbers[bi];
    }

    @Override
    public int hash(Numbers sequence, int index) {
      return sequence.numbers[index];
    }
  };

  /**
   * Splits texts into lines and gives each distinct line (without white space) of them one
   * number, in an open-addressed table of the numbers, each kept with its first line as the text
   * to compare with.
   */
  private static final class Numbering {
    private int[] slots;
    private int[] hashes;
    private byte[][] contents;
    private int[] starts;
    private int[] ends;
    private int count;

    /** @param lines about as many lines as will be numbered */
    Numbering(int lines) {
      slots = new int[Integer.highestOneBit(Math.max(lines, 8) * 2 - 1) << 1];
      hashes = new int[slots.length / 2];
      contents = new byte[slots.length / 2][];
      starts = new int[slots.length / 2];
      ends = new int[slots.length / 2];
    }

    /**
     * {@code content} split into lines, numbered from the line that starts at {@code from} on, a
     * line start; the lines before it are those of {@code before} when given, a text with the same
     * bytes up to there, which is printable up to there.
     */
    Side split(byte[] content, int from, IntList before) {
      IntList lines = new IntList(content.length / LINE_BYTES + 2);
      lines.add(Integer.MIN_VALUE);
      boolean printable = true;
      int i = 0;
      if (before != null) {
        for (int line = 1; line < before.size() && before.get(line) < from; line++) {
          lines.add(before.get(line));
        }
        i = from;
      }
      while (i < from) {
        lines.add(i);
        while (content[i] != '\n') {
          printable = printable && (content[i] >= ' ' || printableAt(content, i));
          i++;
        }
        i++;
      }
      int first = lines.size() - 1;
      Numbers numbers = new Numbers((content.length - from) / LINE_BYTES + 2);
      while (i < content.length) {
        lines.add(i);
        int start = i;
        int hash = 0;
        while (i < content.length) {
          byte b = content[i++];
          if (b > ' ') {
            hash = 31 * hash + b;
          } else if (b == '\n') {
            break;
          } else if (b != ' ' && b != '\t') {
            printable = printable && printableAt(content, i - 1);
            if (b != '\r') {
              hash = 31 * hash + b;
            }
          }
        }
        numbers.add(number(hash, content, start, i));
      }
      lines.add(content.length);
      return new Side(lines, first, numbers, printable);
    }

    private int number(int hash, byte[] content, int start, int end) {
      hash ^= hash >>> 16;
      hash *= 0x45d9f3b;
      hash ^= hash >>> 16;
      int mask = slots.length - 1;
      for (int slot = hash & mask;; slot = (slot + 1) & mask) {
        int held = slots[slot];
        if (held == 0) {
          if (count == hashes.length) {
            grow();
            return number(hash, content, start, end);
          }
          hashes[count] = hash;
          contents[count] = content;
          starts[count] = start;
          ends[count] = end;
          slots[slot] = ++count;
          return count - 1;
        }
        int number = held - 1;
        if (hashes[number] == hash && same(contents[number], starts[number], ends[number], content, start, end)) {
          return number;
        }
      }
    }

    /** Doubles the table, which stays at most half full. */
    private void grow() {
      int size = hashes.length * 2;
      hashes = Arrays.copyOf(hashes, size);
      contents = Arrays.copyOf(contents, size);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      slots = new int[size * 2];
      int mask = slots.length - 1;
      for (int number = 0; number < count; number++) {
        int slot = hashes[number] & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = number + 1;
      }
    }
  }

  /** Whether two lines are the same but for white space; most equal lines are equal byte for byte. */
  private static boolean same(byte[] a, int ai, int aEnd, byte[] b, int bi, int bEnd) {
    if (aEnd - ai == bEnd - bi && Arrays.equals(a, ai, aEnd, b, bi, bEnd)) {
      return true;
    }
    for (;;) {
      while (ai < aEnd && isWhiteSpace(a[ai])) {
        ai++;
      }
      while (bi < bEnd && isWhiteSpace(b[bi])) {
        bi++;
      }
      if (ai == aEnd || bi == bEnd) {
        return ai == aEnd && bi == bEnd;
      }
      if (a[ai++] != b[bi++]) {
        return false;
      }
    }
  }

  private static boolean isWhiteSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
