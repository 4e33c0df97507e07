package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lines around a line that a rule may consult ({@link Rule#ifPrevious()}, {@link Rule#unlessInside()}).
 * Blocks are found by indentation, which every language's usual formatting follows, so one definition
 * serves Python's {@code def} under {@code @abstractmethod} and Java's {@code default} method alike.
 */
public final class LineContext {
  /** How far up the enclosing lines are looked for; a longer walk gives up and returns what it found. */
  static final int MAX_LINES_UP = 2_000;
  /** Longest block read below a line. */
  static final int MAX_BLOCK_LINES = 2_000;

  private LineContext() {}

  /** The nearest line above {@code number} that holds code: blank lines and lines inside comments or strings are passed over. */
  public static Optional<String> previousCode(LexedText lexed, int number) {
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (lexed.holdsCode(line)) {
        return Optional.of(lexed.line(line));
      }
    }
    return Optional.empty();
  }

  /**
   * The line {@code number}, the lines that enclose it, and the annotations ({@code @…}, {@code #[…]})
   * directly above each of them. A line encloses the ones below it that are more indented; a header
   * that starts with a bracket ({@code {} on its own line, {@code ):} after wrapped parameters,
   * {@code \}; !ok {} after a Go condition that wraps a literal, {@code \} else {}) continues the
   * header above it.
   */
  public static List<String> enclosing(LexedText lexed, int number) {
    return enclosingLines(lexed, number).stream().map(lexed::line).toList();
  }

  /** The numbers of the lines {@link #enclosing} gives, in the same order. */
  public static List<Integer> enclosingLines(LexedText lexed, int number) {
    List<Integer> lines = new ArrayList<>();
    lines.add(number);
    int level = lexed.indent(number);
    boolean continued = false;
    annotationsAbove(lexed, number, level, lines);
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (level == 0 && !continued) {
        break;
      }
      if (!lexed.holdsCode(line)) {
        continue;
      }
      int indent = lexed.indent(line);
      if (indent < level || (continued && indent <= level)) {
        lines.add(line);
        level = indent;
        continued = lexed.startsWith(line, "{") || lexed.startsWith(line, "}") || lexed.startsWith(line, ")") || lexed.startsWith(line, "]");
        annotationsAbove(lexed, line, level, lines);
      }
    }
    return lines;
  }

  private static void annotationsAbove(LexedText lexed, int number, int level, List<Integer> lines) {
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (!lexed.holdsCode(line)) {
        continue;
      }
      if (lexed.indent(line) != level || !(lexed.startsWith(line, "@") || lexed.startsWith(line, "#["))) {
        return;
      }
      lines.add(line);
    }
  }

  /**
   * Whether some line of {@code text} that {@link #annotations} could give, were the text lexed,
   * passes {@code test}: every line whose first character other than white space is an {@code @}
   * or a {@code [} (after a {@code #} or not) is tried, cut as the lexed text gives it. Where this
   * is false, no line of the text has an annotation above it that passes {@code test}, and the
   * text need not be lexed to know so.
   */
  public static boolean anyAnnotationLine(String text, Predicate<String> test) {
    int at = text.indexOf('@');
    int bracket = text.indexOf('[');
    while (at >= 0 || bracket >= 0) {
      int marker = at < 0 ? bracket : bracket < 0 ? at : Math.min(at, bracket);
      int start = startIfFirst(text, marker);
      if (start >= 0 && test.test(text.substring(start, lineEnd(text, marker)))) {
        return true;
      }
      if (marker == at) {
        at = text.indexOf('@', at + 1);
      } else {
        bracket = text.indexOf('[', bracket + 1);
      }
    }
    return false;
  }

  /**
   * Where the line of {@code marker} starts, when nothing but white space comes before the marker
   * on it (a {@code #} may come just before a {@code [}); else -1. Lines end as {@link LexedText}
   * ends them, at a line feed or a carriage return.
   */
  private static int startIfFirst(String text, int marker) {
    int i = marker - 1;
    if (text.charAt(marker) == '[' && i >= 0 && text.charAt(i) == '#') {
      i--;
    }
    for (; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i + 1;
      }
      if (!Character.isWhitespace(c)) {
        return -1;
      }
    }
    return 0;
  }

  /** Where the line holding {@code offset} ends, before its line terminator. */
  private static int lineEnd(String text, int offset) {
    for (int i = offset; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  /** The annotations ({@code @Test}, {@code #[test]}, {@code [Fact]}) directly above {@code number}, nearest first. */
  public static List<String> annotations(LexedText lexed, int number) {
    List<String> lines = new ArrayList<>();
    int level = lexed.indent(number);
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (!lexed.holdsCode(line)) {
        continue;
      }
      if (lexed.indent(line) != level || !(lexed.startsWith(line, "@") || lexed.startsWith(line, "#[") || lexed.startsWith(line, "["))) {
        break;
      }
      lines.add(lexed.line(line));
    }
    return lines;
  }

  /**
   * The lines of the block that line {@code number} opens: those below it that are more indented,
   * blank and comment lines among them, up to the first code line indented no deeper (a closing
   * bracket). A block whose opening brace stands on its own line below is read through to its
   * closing brace. At most {@link #MAX_BLOCK_LINES} lines.
   */
  public static List<Integer> block(LexedText lexed, int number) {
    List<Integer> lines = new ArrayList<>();
    int level = lexed.indent(number);
    int line = number + 1;
    int last = Math.min(lexed.lineCount(), number + MAX_BLOCK_LINES);
    if (line <= last && lexed.holdsCode(line) && lexed.indent(line) == level && lexed.startsWith(line, "{")) {
      line++;
    }
    // A header whose line ends inside its brackets goes on below: its parameters wrapped over lines
    // end in a closing bracket at the header's own indent, and the body starts below that.
    String opening = only(lexed, number, Region.CODE).strip();
    boolean header = opening.endsWith("(") || opening.endsWith(",") || opening.endsWith("[") || opening.endsWith("({");
    for (; line <= last; line++) {
      if (lexed.holdsCode(line) && lexed.indent(line) <= level) {
        if (!header || lexed.indent(line) != level || !(lexed.startsWith(line, ")") || lexed.startsWith(line, "]")
            || lexed.startsWith(line, "{") || lexed.startsWith(line, "})"))) {
          break;
        }
        header = false;
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * The body that line {@code number} sits in: the block of the nearest code line above it that is
   * less indented (its function or branch header), without that header. Empty when there is none
   * within reach.
   */
  public static List<Integer> body(LexedText lexed, int number) {
    int level = lexed.indent(number);
    for (int line = number - 1; line >= Math.max(1, number - MAX_LINES_UP); line--) {
      if (lexed.holdsCode(line) && lexed.indent(line) < level) {
        return block(lexed, line);
      }
    }
    return List.of();
  }

  /** Line {@code number} with every character that is not in {@code region} replaced by a space. */
  public static String only(LexedText lexed, int number, Region region) {
    String text = lexed.line(number);
    char[] chars = text.toCharArray();
    for (int column = 0; column < chars.length; column++) {
      if (lexed.regionAt(number, column) != region) {
        chars[column] = ' ';
      }
    }
    return new String(chars);
  }

  /** The width of a line's leading white space, a tab reaching the next multiple of {@value LexedText#TAB_WIDTH}. */
  public static int indent(String line) {
    int width = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width += LexedText.TAB_WIDTH - width % LexedText.TAB_WIDTH;
      } else {
        break;
      }
    }
    return width;
  }
}
