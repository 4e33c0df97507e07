package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines around a line that a rule may consult ({@link Rule#ifPrevious()}, {@link Rule#unlessInside()}).
 * Blocks are found by indentation, which every language's usual formatting follows, so one definition
 * serves Python's {@code def} under {@code @abstractmethod} and Java's {@code default} method alike.
 */
public final class LineContext {
  /** How far up the enclosing lines are looked for; a longer walk gives up and returns what it found. */
  static final int MAX_LINES_UP = 2_000;
  private static final int TAB_WIDTH = 8;

  private LineContext() {}

  /** The nearest line above {@code number} that holds code: blank lines and lines inside comments or strings are passed over. */
  public static Optional<String> previousCode(LexedText lexed, int number) {
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (holdsCode(lexed, line)) {
        return Optional.of(lexed.line(line));
      }
    }
    return Optional.empty();
  }

  /**
   * The line {@code number}, the lines that enclose it, and the annotations ({@code @…}, {@code #[…]})
   * directly above each of them. A line encloses the ones below it that are more indented; a header
   * that starts with a bracket ({@code {} on its own line, {@code ):} after wrapped parameters)
   * continues the header above it.
   */
  public static List<String> enclosing(LexedText lexed, int number) {
    List<String> lines = new ArrayList<>();
    lines.add(lexed.line(number));
    int level = indent(lexed.line(number));
    boolean continued = false;
    annotationsAbove(lexed, number, level, lines);
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (level == 0 && !continued) {
        break;
      }
      if (!holdsCode(lexed, line)) {
        continue;
      }
      String text = lexed.line(line);
      int indent = indent(text);
      if (indent < level || (continued && indent <= level)) {
        lines.add(text);
        level = indent;
        String stripped = text.strip();
        continued = stripped.startsWith("{") || stripped.startsWith(")") || stripped.startsWith("]");
        annotationsAbove(lexed, line, level, lines);
      }
    }
    return lines;
  }

  private static void annotationsAbove(LexedText lexed, int number, int level, List<String> lines) {
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (!holdsCode(lexed, line)) {
        continue;
      }
      String text = lexed.line(line);
      String stripped = text.strip();
      if (indent(text) != level || !(stripped.startsWith("@") || stripped.startsWith("#["))) {
        return;
      }
      lines.add(text);
    }
  }

  /** The first character that is not white space is code. */
  private static boolean holdsCode(LexedText lexed, int line) {
    String text = lexed.line(line);
    for (int column = 0; column < text.length(); column++) {
      if (!Character.isWhitespace(text.charAt(column))) {
        return lexed.regionAt(line, column) == Region.CODE;
      }
    }
    return false;
  }

  private static int indent(String line) {
    int width = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width += TAB_WIDTH - width % TAB_WIDTH;
      } else {
        break;
      }
    }
    return width;
  }
}
