package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Region;
import dev.claimaudit.text.Confusables;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line as the rules read it, which is how a reviewer reads it: look-alike letters folded and
 * invisible characters dropped ({@link Confusables}), a call left open at the end of the line
 * joined with the lines that close it, string literals joined by {@code +} read as one, and the
 * aliases the file declares read as what they stand for. Each character keeps the line and
 * column it came from, so a match is still told apart by the region it starts in and is
 * reported on the line as written.
 */
final class MatchLine {
  /** Most lines joined to a line that leaves a call open. */
  static final int MAX_CONTINUATION = 6;

  private static final Pattern CONCATENATION = Pattern.compile("[\"'`]\\s*(?:\\+|\\.)\\s*[\\w]?[\"'`]|[\"']\\s+[\\w]?[\"']");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

  private final StringBuilder text = new StringBuilder();
  private int[] lines = new int[64];
  private int[] columns = new int[64];

  private MatchLine() {}

  /** The line {@code number} of {@code lexed}, read as the rules read it. */
  static MatchLine of(Language language, LexedText lexed, int number, Map<String, String> aliases) {
    MatchLine line = new MatchLine();
    int depth = line.append(lexed, number, 0);
    for (int next = number + 1; depth > 0 && next <= lexed.lineCount() && next <= number + MAX_CONTINUATION; next++) {
      line.add(' ', next, -1);
      depth = line.append(lexed, next, depth);
    }
    line.joinConcatenations(language, lexed);
    if (!aliases.isEmpty()) {
      line.expand(lexed, aliases);
    }
    return line;
  }

  /**
   * Whether a rule may read {@code text} otherwise than it is written: it holds a look-alike or an
   * invisible character, leaves a parenthesis open, or joins string literals. A line for which
   * this is false is read as it stands, so a pattern that does not match it cannot fire on it.
   */
  static boolean mayDiffer(String text) {
    // One pass over the line decides which of the costlier checks can apply at all.
    int depth = 0;
    boolean quoted = false;
    boolean wide = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '"' || c == '\'' || c == '`') {
        quoted = true;
      } else if (c >= 0x80) {
        wide = true;
      }
    }
    return depth > 0 || wide && Confusables.affects(text) || quoted && CONCATENATION.matcher(text).find();
  }

  String text() {
    return text.toString();
  }

  /** The line of the text the character at {@code index} comes from. */
  int lineAt(int index) {
    return lines[index];
  }

  /** The column in its line of the character at {@code index}, or -1 for one that stands for none. */
  int columnAt(int index) {
    return columns[index];
  }

  /** Appends line {@code number}, folded; returns the depth of open parentheses in its code after it. */
  private int append(LexedText lexed, int number, int depth) {
    String line = lexed.line(number);
    int open = depth;
    for (int column = 0; column < line.length(); ) {
      int codePoint = line.codePointAt(column);
      int width = Character.charCount(codePoint);
      if (!Confusables.invisible(codePoint)) {
        int folded = Confusables.fold(codePoint);
        if (folded >= 0) {
          add((char) folded, number, column);
        } else {
          for (int k = 0; k < width; k++) {
            add(line.charAt(column + k), number, column + k);
          }
        }
        if (lexed.regionAt(number, column) == Region.CODE) {
          open += codePoint == '(' ? 1 : codePoint == ')' ? -1 : 0;
        }
      }
      column += width;
    }
    return Math.max(open, 0);
  }

  private void add(char c, int line, int column) {
    if (text.length() == lines.length) {
      lines = Arrays.copyOf(lines, lines.length * 2);
      columns = Arrays.copyOf(columns, columns.length * 2);
    }
    lines[text.length()] = line;
    columns[text.length()] = column;
    text.append(c);
  }

  private Region region(LexedText lexed, int index) {
    return columns[index] < 0 ? null : lexed.regionAt(lines[index], columns[index]);
  }

  /**
   * {@code "not " + "implemented"} becomes {@code "not implemented"}: the closing quote, the
   * operator and the opening quote between two string literals are dropped. Languages that join
   * adjacent literals ({@code "not " "implemented"}) need no operator.
   */
  private void joinConcatenations(Language language, LexedText lexed) {
    boolean adjacent = language == Language.PYTHON || language == Language.C || language == Language.CPP || language == Language.RUBY;
    String operator = language == Language.PHP ? "." : language == Language.HASKELL ? "++" : "+";
    for (int i = 0; i < text.length(); i++) {
      if (!quote(text.charAt(i)) || region(lexed, i) != Region.STRING || (i + 1 < text.length() && region(lexed, i + 1) == Region.STRING)) {
        continue;
      }
      int j = i + 1;
      boolean joined = false;
      while (j < text.length() && (Character.isWhitespace(text.charAt(j)) || region(lexed, j) == null)) {
        j++;
      }
      if (startsWith(operator, j) && region(lexed, j) == Region.CODE) {
        j += operator.length();
        joined = true;
      }
      while (j < text.length() && (Character.isWhitespace(text.charAt(j)) || region(lexed, j) == null)) {
        j++;
      }
      if ((joined || (adjacent && j > i + 1)) && j < text.length() && quote(text.charAt(j)) && region(lexed, j) == Region.STRING) {
        remove(i, j + 1);
        i--;
      }
    }
  }

  private boolean startsWith(String prefix, int at) {
    return at + prefix.length() <= text.length() && text.substring(at, at + prefix.length()).equals(prefix);
  }

  private static boolean quote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private void remove(int from, int to) {
    int length = text.length();
    System.arraycopy(lines, to, lines, from, length - to);
    System.arraycopy(columns, to, columns, from, length - to);
    text.delete(from, to);
  }

  /** Each alias the file declares, in code and not after a dot, is replaced by what it stands for. */
  private void expand(LexedText lexed, Map<String, String> aliases) {
    Matcher matcher = IDENTIFIER.matcher(text);
    int from = 0;
    while (matcher.find(from)) {
      int start = matcher.start();
      String target = aliases.get(matcher.group());
      boolean member = start > 0 && (text.charAt(start - 1) == '.' || text.charAt(start - 1) == ':');
      if (target == null || member || region(lexed, start) != Region.CODE) {
        from = matcher.end();
        continue;
      }
      int line = lines[start];
      int column = columns[start];
      remove(start, matcher.end());
      for (int k = target.length() - 1; k >= 0; k--) {
        insert(start, target.charAt(k), line, column);
      }
      from = start + target.length();
      matcher = IDENTIFIER.matcher(text);
    }
  }

  private void insert(int at, char c, int line, int column) {
    if (text.length() + 1 >= lines.length) {
      lines = Arrays.copyOf(lines, lines.length * 2);
      columns = Arrays.copyOf(columns, columns.length * 2);
    }
    System.arraycopy(lines, at, lines, at + 1, text.length() - at);
    System.arraycopy(columns, at, columns, at + 1, text.length() - at);
    lines[at] = line;
    columns[at] = column;
    text.insert(at, c);
  }
}
