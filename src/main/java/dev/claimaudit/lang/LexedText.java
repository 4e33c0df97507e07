package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text with the {@link Region} of each of its characters, and its line starts. */
public final class LexedText {
  /** The regions by ordinal: {@code Region.values()} copies its array on every call. */
  private static final Region[] REGIONS = Region.values();

  private final String text;
  private final byte[] regions;
  private final int[] lineStarts;

  LexedText(String text, byte[] regions) {
    this.text = text;
    this.regions = regions;
    this.lineStarts = lineStarts(text);
  }

  /** Offsets where lines start, in a plain array: a file of millions of lines must not box each offset. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
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
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
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
