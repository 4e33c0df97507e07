package dev.claimaudit.checks.placeholder;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tells code, comments and string literals apart, per language, in one linear pass. It is a
 * lexer for finding placeholders, not a parser: unterminated constructs end at the end of the
 * line (or of the file for block forms), and anything it does not know is code.
 */
public final class Lexer {
  private static final byte CODE = (byte) Region.CODE.ordinal();
  private static final byte COMMENT = (byte) Region.COMMENT.ordinal();
  private static final byte STRING = (byte) Region.STRING.ordinal();

  private static final Set<Language> NESTED_COMMENTS = EnumSet.of(Language.RUST, Language.KOTLIN, Language.SWIFT, Language.SCALA, Language.DART);
  private static final Set<Language> CHAR_LITERALS = EnumSet.of(
      Language.JAVA, Language.KOTLIN, Language.SCALA, Language.C, Language.CPP, Language.CSHARP, Language.RUST, Language.GO, Language.SWIFT);
  private static final Set<Language> BACKTICK_STRINGS = EnumSet.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.GO);
  private static final Set<Language> TRIPLE_QUOTES = EnumSet.of(
      Language.JAVA, Language.KOTLIN, Language.SCALA, Language.SWIFT, Language.GROOVY, Language.DART, Language.PYTHON, Language.ELIXIR);

  private final Language language;
  private final String text;
  private final byte[] regions;
  private int at;

  private Lexer(Language language, String text) {
    this.language = language;
    this.text = text;
    this.regions = new byte[text.length()];
  }

  public static LexedText lex(Language language, String text) {
    Lexer lexer = new Lexer(language, text);
    lexer.run();
    return new LexedText(text, lexer.regions);
  }

  private void run() {
    while (at < text.length()) {
      int start = at;
      char c = text.charAt(at);
      if (language.syntax() == Language.Syntax.C_LIKE ? cLikeComment(c) : hashComment(c)) {
        continue;
      }
      if (stringLiteral(c)) {
        continue;
      }
      regions[start] = CODE;
      at = start + 1;
    }
  }

  private boolean cLikeComment(char c) {
    if (c == '/' && next(1) == '/') {
      mark(COMMENT, endOfLine(at));
      return true;
    }
    if (c == '/' && next(1) == '*') {
      mark(COMMENT, blockCommentEnd(at + 2));
      return true;
    }
    if (c == '#' && language == Language.PHP && next(1) != '[') {
      mark(COMMENT, endOfLine(at));
      return true;
    }
    return false;
  }

  private boolean hashComment(char c) {
    if (c == '#') {
      boolean wordStart = at == 0 || Character.isWhitespace(text.charAt(at - 1)) || text.charAt(at - 1) == ';';
      if (language != Language.SHELL || wordStart) {
        mark(COMMENT, endOfLine(at));
        return true;
      }
      return false;
    }
    if (language == Language.RUBY && c == '=' && lineStart(at) && text.startsWith("=begin", at)) {
      int end = text.indexOf("\n=end", at);
      mark(COMMENT, end < 0 ? text.length() : endOfLine(end + 1));
      return true;
    }
    return false;
  }

  private boolean stringLiteral(char c) {
    if (TRIPLE_QUOTES.contains(language) && (c == '"' || c == '\'') && text.startsWith(String.valueOf(c).repeat(3), at)) {
      if (c == '\'' && language != Language.PYTHON && language != Language.DART) {
        return false;
      }
      String quote = String.valueOf(c).repeat(3);
      int close = text.indexOf(quote, at + 3);
      int end = close < 0 ? text.length() : close + 3;
      boolean docstring = language == Language.PYTHON && lineStart(at);
      mark(docstring ? COMMENT : STRING, end);
      return true;
    }
    if (c == '"' || (c == '\'' && !CHAR_LITERALS.contains(language))) {
      if (language == Language.CSHARP && at > 0 && text.charAt(at - 1) == '@') {
        mark(STRING, verbatimEnd(at + 1));
      } else if (language == Language.RUST && rawStringPrefix() >= 0) {
        mark(STRING, rustRawEnd(rawStringPrefix()));
      } else if (language == Language.CPP && at > 0 && text.charAt(at - 1) == 'R' && next(1) == '(') {
        int close = text.indexOf(")\"", at + 2);
        mark(STRING, close < 0 ? text.length() : close + 2);
      } else {
        mark(STRING, quotedEnd(c));
      }
      return true;
    }
    if (c == '\'') {
      int end = charLiteralEnd();
      if (end < 0) {
        return false;
      }
      mark(STRING, end);
      return true;
    }
    if (c == '`' && BACKTICK_STRINGS.contains(language)) {
      int close = language == Language.GO ? text.indexOf('`', at + 1) : templateEnd(at + 1);
      mark(STRING, close < 0 ? text.length() : close + 1);
      return true;
    }
    return false;
  }

  /** Number of {@code #} of a Rust raw string whose opening quote is at {@code at}, or -1. */
  private int rawStringPrefix() {
    int hashes = 0;
    int i = at - 1;
    while (i >= 0 && text.charAt(i) == '#') {
      hashes++;
      i--;
    }
    if (i >= 0 && text.charAt(i) == 'r' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == 'b')) {
      return hashes;
    }
    return -1;
  }

  private int rustRawEnd(int hashes) {
    String close = "\"" + "#".repeat(hashes);
    int end = text.indexOf(close, at + 1);
    return end < 0 ? text.length() : end + close.length();
  }

  private int quotedEnd(char quote) {
    int i = at + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        return i + 1;
      }
      if (c == '\n' && language.syntax() == Language.Syntax.C_LIKE) {
        return i;
      }
      i++;
    }
    return text.length();
  }

  private int verbatimEnd(int from) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private int templateEnd(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '`') {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** End of a character literal such as {@code 'a'} or {@code '\n'} at {@code at}, or -1 (a Rust lifetime). */
  private int charLiteralEnd() {
    int limit = Math.min(text.length(), at + 12);
    int i = at + 1;
    if (i < limit && text.charAt(i) == '\\') {
      i += 2;
      while (i < limit && text.charAt(i) != '\'' && text.charAt(i) != '\n') {
        i++;
      }
    } else if (i < limit && text.charAt(i) != '\n') {
      i += Character.charCount(text.codePointAt(i));
    }
    return i < limit && text.charAt(i) == '\'' ? i + 1 : -1;
  }

  private int blockCommentEnd(int from) {
    boolean nests = NESTED_COMMENTS.contains(language);
    int depth = 1;
    int i = from;
    while (i < text.length() - 1) {
      if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
        continue;
      }
      if (nests && text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
        depth++;
        i += 2;
        continue;
      }
      i++;
    }
    return text.length();
  }

  private int endOfLine(int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private boolean lineStart(int index) {
    int i = index - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
  }

  private char next(int offset) {
    int i = at + offset;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private void mark(byte region, int end) {
    int stop = Math.max(end, at + 1);
    for (int i = at; i < stop && i < text.length(); i++) {
      regions[i] = region;
    }
    at = Math.min(stop, text.length());
  }
}
