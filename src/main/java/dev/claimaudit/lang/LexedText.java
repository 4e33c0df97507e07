package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text with the {@link Region} of each of its characters, and its line starts. */
public final class LexedText {
  /** The regions by ordinal: {@code Region.values()} copies its array on every call. */
  private static final Region[] REGIONS = Region.values();

  /** Columns a tab advances the indent to the next multiple of. */
  static final int TAB_WIDTH = 8;

  private final String text;
  private final byte[] regions;
  private final int[] lineStarts;
  /**
   * Per line, the width of its leading white space and the column of its first character that is
   * not white space (-1 on a blank line): the walks over enclosing lines and blocks ask both of
   * every line they pass, and must not cut a string from the text for it.
   */
  private final int[] indents;
  private final int[] firstColumns;

  LexedText(String text, byte[] regions) {
    this.text = text;
    this.regions = regions;
    this.lineStarts = lineStarts(text);
    this.indents = new int[lineStarts.length];
    this.firstColumns = new int[lineStarts.length];
    for (int line = 1; line <= lineStarts.length; line++) {
      measure(line);
    }
  }

  private void measure(int line) {
    int start = lineStarts[line - 1];
    int end = lineEnd(line);
    int width = 0;
    boolean leading = true;
    int first = -1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        if (leading) {
          width = c == ' ' ? width + 1 : width + TAB_WIDTH - width % TAB_WIDTH;
        }
        continue;
      }
      leading = false;
      // Most lines start with an ASCII character that is no white space, told without a table.
      if (c > ' ' && c < 0x80 || !Character.isWhitespace(c)) {
        first = i - start;
        break;
      }
    }
    indents[line - 1] = width;
    firstColumns[line - 1] = first;
  }

  /**
   * Offsets where lines start, in a plain array: a file of millions of lines must not box each
   * offset. A line ends at a line feed, a carriage return and line feed, or a carriage return alone.
   */
  static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    // Without a carriage return only line feeds end lines, and indexOf finds each in one tight loop.
    boolean carriageReturns = text.indexOf('\r') >= 0;
    for (int i = carriageReturns ? 0 : text.indexOf('\n'); i >= 0 && i < text.length(); i = carriageReturns ? i + 1 : text.indexOf('\n', i + 1)) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /** The region of the character at {@code offset} in the whole text. */
  public Region regionAt(int offset) {
    return REGIONS[regions[offset]];
  }

  /** The 1-based line that holds the character at {@code offset}. */
  public int lineOf(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The offset at which 1-based {@code line} starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of 1-based {@code line} without its line terminator. */
  public String line(int line) {
    return text.substring(lineStarts[line - 1], lineEnd(line));
  }

  /** Whether 1-based {@code line}, without its line terminator, is {@code text}: {@link #line} without the copy. */
  public boolean lineIs(int line, String text) {
    int start = lineStarts[line - 1];
    int end = lineEnd(line);
    return end - start == text.length() && this.text.regionMatches(start, text, 0, text.length());
  }

  /** The offset where 1-based {@code line} ends, before its line terminator. */
  private int lineEnd(int line) {
    return lineEnd(text, lineStarts, line);
  }

  /** The offset where 1-based {@code line} of {@code text}, whose {@link #lineStarts} are {@code starts}, ends before its line terminator. */
  static int lineEnd(String text, int[] starts, int line) {
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The offsets where its lines start, as {@link #lineStarts(String)} found them; not to be changed. */
  int[] lineStarts() {
    return lineStarts;
  }

  /** The width of the leading white space of 1-based {@code line}, a tab reaching the next multiple of {@value #TAB_WIDTH}. */
  public int indent(int line) {
    return indents[line - 1];
  }

  /** Whether the first character of 1-based {@code line} that is not white space is code. */
  public boolean holdsCode(int line) {
    int first = firstColumns[line - 1];
    return first >= 0 && regionAt(line, first) == Region.CODE;
  }

  /** Whether 1-based {@code line}, without its leading white space, starts with {@code prefix} (which holds no line break). */
  public boolean startsWith(int line, String prefix) {
    int first = firstColumns[line - 1];
    return first >= 0 && text.startsWith(prefix, lineStarts[line - 1] + first);
  }

  /** The region of the character at {@code column} (0-based) of 1-based {@code line}. */
  public Region regionAt(int line, int column) {
    return REGIONS[regions[lineStarts[line - 1] + column]];
  }

  /** Maximal runs of one region, in order; joined, their texts give back the whole text. */
  public List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || regions[i] != regions[start]) {
        tokens.add(new Token(REGIONS[regions[start]], text.substring(start, i)));
        start = i;
      }
    }
    return tokens;
  }

  /** A run of characters in one region. */
  public record Token(Region region, String text) {}
}
