package dev.claimaudit.git;

import java.util.Arrays;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.util.IntList;

/**
 * A text split into lines in one pass, twice: as it is, and with every space, tab and carriage
 * return dropped, for the line diff. Compared byte for byte, two lines of the second are equal
 * where the text's lines are equal but for white space, as {@link RawTextComparator#WS_IGNORE_ALL}
 * compares them, at a fraction of the cost, since a diff compares each line many times. Line
 * {@code n} of one is line {@code firstCompared + n} of the other: a last line without a line end
 * is given one in the second, as a line's end is white space too.
 *
 * @param lines the line starts of the text as {@link org.eclipse.jgit.util.RawParseUtils#lineMap} gives them
 * @param compared the text without white space from line {@code firstCompared} on, split into the same lines
 * @param firstCompared the (0-based) line of the text that is line 0 of {@code compared}
 */
record SplitText(IntList lines, RawText compared, int firstCompared) {

  static SplitText of(byte[] content) {
    return of(content, 0);
  }

  /**
   * The text split into lines, and without white space from offset {@code from} on, which is a
   * line start (0, or just after a {@code \n}): the lines before it are only split.
   */
  static SplitText of(byte[] content, int from) {
    byte[] kept = new byte[content.length - from + 1];
    IntList lines = new IntList(content.length / 36 + 2);
    IntList keptLines = new IntList((content.length - from) / 36 + 2);
    lines.add(Integer.MIN_VALUE);
    keptLines.add(Integer.MIN_VALUE);
    if (from > 0) {
      lines.add(0);
      for (int i = 0; i < from - 1; i++) {
        if (content[i] == '\n') {
          lines.add(i + 1);
        }
      }
    }
    int firstCompared = lines.size() - 1;
    int length = 0;
    boolean lineStart = true;
    for (int i = from; i < content.length; i++) {
      byte b = content[i];
      // Each line of the text keeps at least its line end (the last one is given one below), so
      // a line of the copy starts wherever a line of the text does.
      if (lineStart) {
        lines.add(i);
        keptLines.add(length);
        lineStart = false;
      }
      if (b == '\n') {
        kept[length++] = b;
        lineStart = true;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        kept[length++] = b;
      }
    }
    if (content.length > from && content[content.length - 1] != '\n') {
      kept[length++] = '\n';
    }
    lines.add(content.length);
    keptLines.add(length);
    // The copy is not trimmed to its length: the diff reads lines by their starts only.
    return new SplitText(lines, new RawText(kept, keptLines), firstCompared);
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
}
