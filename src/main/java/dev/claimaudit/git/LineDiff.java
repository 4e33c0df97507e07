package dev.claimaudit.git;

import java.util.Arrays;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
import org.eclipse.jgit.util.IntList;

/**
 * The line diff of a file's two sides, white space not compared: a re-indented line, or one whose
 * line end went from CRLF to LF, is not added by the change. Each distinct line, read without its
 * spaces, tabs, carriage returns and line end, is given a number once, and JGit's histogram diff
 * compares the numbers: a diff compares each line many times, and a number is compared in one
 * step where the line's bytes took one step each. The lines both sides start with, byte for byte
 * the same, are split but not numbered.
 *
 * @param baseLines the line starts of the base side, as {@link org.eclipse.jgit.util.RawParseUtils#lineMap} gives them
 * @param headLines the line starts of the head side, the same way
 * @param edits the edits from base to head, in (0-based) lines of each side
 */
record LineDiff(IntList baseLines, IntList headLines, EditList edits) {
  private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

  static LineDiff of(byte[] base, byte[] head) {
    int shared = sharedLinesEnd(base, head);
    IntList baseLines = lineStarts(base);
    IntList headLines = lineStarts(head);
    // Both sides have the same lines up to the shared end, and a line starts there in each.
    int first = lineAt(headLines, shared);
    Numbering numbering = new Numbering(baseLines.size() + headLines.size() - 2 * first);
    Numbers a = numbering.number(base, baseLines, first);
    Numbers b = numbering.number(head, headLines, first);
    EditList edits = new EditList();
    for (Edit edit : HISTOGRAM.diff(BY_NUMBER, a, b)) {
      edits.add(new Edit(edit.getBeginA() + first, edit.getEndA() + first, edit.getBeginB() + first, edit.getEndB() + first));
    }
    return new LineDiff(baseLines, headLines, edits);
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

  /** The line starts of {@code content} as {@link org.eclipse.jgit.util.RawParseUtils#lineMap} gives them. */
  static IntList lineStarts(byte[] content) {
    IntList lines = new IntList(content.length / 36 + 2);
    lines.add(Integer.MIN_VALUE);
    int i = 0;
    while (i < content.length) {
      lines.add(i);
      int end = i;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      i = end + 1;
    }
    lines.add(content.length);
    return lines;
  }

  /** The (0-based) line that starts at {@code offset}, a line start or the end of the text. */
  private static int lineAt(IntList lines, int offset) {
    int low = 1;
    int high = lines.size() - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (lines.get(middle) < offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low - 1;
  }

  private static boolean isWhiteSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** The lines of one side from some line on, as the numbers of their texts. */
  private static final class Numbers extends Sequence {
    private final int[] numbers;

    Numbers(int[] numbers) {
      this.numbers = numbers;
    }

    @Override
    public int size() {
      return numbers.length;
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
   * Gives each distinct line (without white space) of both sides one number, in an open-addressed
   * table of the numbers, each kept with its first line as the text to compare with.
   */
  private static final class Numbering {
    private final int[] slots;
    private final int mask;
    private final int[] hashes;
    private final byte[][] contents;
    private final int[] starts;
    private final int[] ends;
    private int count;

    /** @param lines at least as many lines as will be numbered */
    Numbering(int lines) {
      int size = Integer.highestOneBit(Math.max(lines, 8) * 2 - 1) << 1;
      slots = new int[size];
      mask = size - 1;
      int kept = Math.max(lines, 8);
      hashes = new int[kept];
      contents = new byte[kept][];
      starts = new int[kept];
      ends = new int[kept];
    }

    Numbers number(byte[] content, IntList lines, int first) {
      int[] numbers = new int[lines.size() - 2 - first];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = number(content, lines.get(first + i + 1), lines.get(first + i + 2));
      }
      return new Numbers(numbers);
    }

    private int number(byte[] content, int start, int end) {
      int hash = 0;
      for (int i = start; i < end; i++) {
        byte b = content[i];
        if (!isWhiteSpace(b)) {
          hash = 31 * hash + b;
        }
      }
      hash ^= hash >>> 16;
      hash *= 0x45d9f3b;
      hash ^= hash >>> 16;
      for (int slot = hash & mask;; slot = (slot + 1) & mask) {
        int held = slots[slot];
        if (held == 0) {
          int number = add(hash, content, start, end);
          slots[slot] = number + 1;
          return number;
        }
        int number = held - 1;
        if (hashes[number] == hash && same(contents[number], starts[number], ends[number], content, start, end)) {
          return number;
        }
      }
    }

    private int add(int hash, byte[] content, int start, int end) {
      hashes[count] = hash;
      contents[count] = content;
      starts[count] = start;
      ends[count] = end;
      return count++;
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
  }
}
