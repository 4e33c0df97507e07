package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells code, comments and string literals apart, per language, in one linear pass. It is a
 * lexer for finding placeholders, not a parser: anything it does not know is code, a literal
 * that cannot span lines ends at the end of its line when it is not closed, and a block form
 * (block comment, multi-line string, heredoc) that is not closed ends at the end of the text.
 *
 * <p>The code inside an interpolation ({@code `${x}`}, {@code "#{x}"}, {@code "\(x)"},
 * {@code "$(cmd)"}) is lexed as code, so that quotes nested in it do not end the outer string.
 */
public final class Lexer {
  private static final byte CODE = (byte) Region.CODE.ordinal();
  private static final byte COMMENT = (byte) Region.COMMENT.ordinal();
  private static final byte STRING = (byte) Region.STRING.ordinal();

  /** Deepest interpolation followed; a deeper one stays part of its string. Bounds recursion on hostile input. */
  private static final int MAX_NESTING = 16;
  /** Longest C++ raw-string delimiter the standard allows. */
  private static final int MAX_RAW_DELIMITER = 16;

  private static final Set<Language> NESTED_COMMENTS = EnumSet.of(Language.RUST, Language.KOTLIN, Language.SWIFT, Language.SCALA, Language.DART);

  private static final Interpolation DOLLAR_BRACE = new Interpolation("${", '}');
  private static final Interpolation HASH_BRACE = new Interpolation("#{", '}');
  private static final Interpolation BRACE = new Interpolation("{", '}');
  private static final Interpolation PHP_BRACE = new Interpolation("{$", '}');
  private static final Interpolation SHELL_COMMAND = new Interpolation("$(", ')');

  /** Haskell's operator symbols, apart from {@code -}: a run of dashes next to one is an operator, not a comment. */
  private static final String HASKELL_SYMBOLS = "!#$%&*+./<=>?@\\^|~:";

  /** Characters after which a {@code /} starts a regular expression literal rather than a division. */
  private static final String BEFORE_REGEX = "(,=:[!&|?{};+-*%<>~^";
  private static final Set<String> KEYWORDS_BEFORE_REGEX = Set.of(
      "return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await", "delete", "instanceof", "new", "throw",
      "if", "unless", "when", "and", "or", "not", "then", "elsif", "while", "until");

  private static final int ASCII = 128;
  private static final boolean[][] PLAIN = plainTables();

  private final Language language;
  private final String text;
  private final byte[] regions;
  private final List<Heredoc> heredocs = new ArrayList<>();
  /** Which ASCII characters are plain in this language's code, by character: see {@link #openers}. */
  private final boolean[] plain;
  private int at;
  private int nesting;

  private Lexer(Language language, String text, boolean plainRuns) {
    this.language = language;
    this.text = text;
    this.regions = new byte[text.length()];
    this.plain = plainRuns ? PLAIN[language.ordinal()] : new boolean[ASCII];
  }

  public static LexedText lex(Language language, String text) {
    return lex(language, text, true);
  }

  /**
   * @param plainRuns whether a run of plain characters in code (none of {@link #openers}) is marked in one step;
   *     without it each is looked at alone, which gives the same regions and serves to show so
   */
  static LexedText lex(Language language, String text, boolean plainRuns) {
    Lexer lexer = new Lexer(language, text, plainRuns);
    lexer.code('\0');
    return new LexedText(text, lexer.regions);
  }

  /** Code up to the end of the text, or up to {@code closer} at bracket depth zero when lexing an interpolation. */
  private void code(char closer) {
    char opener = closer == '}' ? '{' : closer == ')' ? '(' : '\0';
    // What is plain here, in one table: the language's plain characters but the closer and opener.
    boolean[] plainHere = plain.clone();
    plainHere[closer] = false;
    plainHere[opener] = false;
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c < ASCII && plainHere[c]) {
        int end = at + 1;
        char next;
        while (end < text.length() && (next = text.charAt(end)) < ASCII && plainHere[next]) {
          end++;
        }
        markTo(CODE, end);
        continue;
      }
      if (closer != '\0') {
        if (c == closer && depth == 0) {
          return;
        }
        depth += c == opener ? 1 : c == closer ? -1 : 0;
      }
      if (c == '\n' && !heredocs.isEmpty()) {
        markTo(CODE, at + 1);
        heredocBodies();
      } else if (!comment(c) && !literal(c)) {
        // A backslash in shell code quotes the next character: echo don\'t
        markTo(CODE, c == '\\' && language == Language.SHELL ? at + 2 : at + 1);
      }
    }
  }

  /**
   * The characters at which code in {@code language} may open a comment, a literal or a
   * heredoc's body, as {@link #comment}, {@link #literal} and {@link #code} look for them; at any
   * other ASCII character the code goes on, so a run of them is marked in one step. A string's
   * prefix ({@code r"}, {@code @"}, {@code #"}) is looked back at from its quote.
   */
  private static String openers(Language language) {
    String comments = switch (language.syntax()) {
      case C_LIKE -> language == Language.PHP ? "/#" : "/";
      case HASH -> language == Language.RUBY ? "#=" : "#";
      case DASH -> "-{";
    };
    String literals = switch (language) {
      case JAVA, KOTLIN, SCALA, GROOVY, DART, PYTHON, RUST, C, CPP, CSHARP, HASKELL -> "\"'";
      case JAVASCRIPT, TYPESCRIPT -> "\"'`/";
      case GO -> "\"'`";
      case SWIFT -> "\"";
      case RUBY -> "\"'`%</";
      case PHP -> "\"'<";
      // A backslash in shell code quotes the next character.
      case SHELL -> "\"'<\\";
      case ELIXIR -> "\"'~?";
    };
    // A heredoc's body starts at the end of the line that opens it.
    String lineEnds = language == Language.RUBY || language == Language.PHP || language == Language.SHELL ? "\n" : "";
    return comments + literals + lineEnds;
  }

  private static boolean[][] plainTables() {
    boolean[][] tables = new boolean[Language.values().length][];
    for (Language language : Language.values()) {
      boolean[] table = new boolean[ASCII];
      Arrays.fill(table, true);
      for (char c : openers(language).toCharArray()) {
        table[c] = false;
      }
      tables[language.ordinal()] = table;
    }
    return tables;
  }

  // ---- comments

  private boolean comment(char c) {
    if (language.syntax() == Language.Syntax.C_LIKE) {
      if (c == '/' && next(1) == '/') {
        markTo(COMMENT, endOfLine(at));
        return true;
      }
      if (c == '/' && next(1) == '*') {
        markTo(COMMENT, blockCommentEnd(at + 2));
        return true;
      }
      if (c == '#' && language == Language.PHP && next(1) != '[') {
        markTo(COMMENT, endOfLine(at));
        return true;
      }
      return false;
    }
    if (language.syntax() == Language.Syntax.DASH) {
      return haskellComment(c);
    }
    if (c == '#' && (language != Language.SHELL || shellWordStart(at))) {
      markTo(COMMENT, endOfLine(at));
      return true;
    }
    if (language == Language.RUBY && c == '=' && (at == 0 || text.charAt(at - 1) == '\n') && text.startsWith("=begin", at)) {
      int end = text.indexOf("\n=end", at);
      markTo(COMMENT, end < 0 ? text.length() : endOfLine(end + 1));
      return true;
    }
    return false;
  }

  /**
   * Haskell: {@code --} (or more dashes) not followed by another operator symbol comments out the
   * rest of the line ({@code -->} is an operator); {@code {- -}} comments nest, pragmas included.
   */
  private boolean haskellComment(char c) {
    if (c == '{' && next(1) == '-') {
      int depth = 1;
      int i = at + 2;
      while (i < text.length() - 1 && depth > 0) {
        if (text.charAt(i) == '{' && text.charAt(i + 1) == '-') {
          depth++;
          i += 2;
        } else if (text.charAt(i) == '-' && text.charAt(i + 1) == '}') {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
      markTo(COMMENT, depth == 0 ? i : text.length());
      return true;
    }
    if (c == '-' && next(1) == '-' && (at == 0 || HASKELL_SYMBOLS.indexOf(text.charAt(at - 1)) < 0)) {
      int i = at;
      while (i < text.length() && text.charAt(i) == '-') {
        i++;
      }
      if (i < text.length() && HASKELL_SYMBOLS.indexOf(text.charAt(i)) >= 0) {
        return false;
      }
      markTo(COMMENT, endOfLine(at));
      return true;
    }
    return false;
  }

  /** In shell, {@code #} starts a comment only at the start of a word: not in {@code $#} or {@code ${#x}}. */
  private boolean shellWordStart(int index) {
    if (index == 0) {
      return true;
    }
    char before = text.charAt(index - 1);
    return Character.isWhitespace(before) || ";|&()".indexOf(before) >= 0;
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
      } else if (nests && text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else {
        i++;
      }
    }
    return text.length();
  }

  // ---- literals, per language

  private boolean literal(char c) {
    return switch (language) {
      case JAVA -> java(c);
      case KOTLIN, SCALA -> kotlinOrScala(c);
      case GROOVY, DART -> groovyOrDart(c);
      case JAVASCRIPT, TYPESCRIPT -> javascript(c);
      case PYTHON -> python(c);
      case RUST -> rust(c);
      case GO -> go(c);
      case C, CPP -> cOrCpp(c);
      case CSHARP -> csharp(c);
      case SWIFT -> swift(c);
      case RUBY -> ruby(c);
      case PHP -> php(c);
      case SHELL -> shell(c);
      case ELIXIR -> elixir(c);
      case HASKELL -> haskell(c);
    };
  }

  private boolean java(char c) {
    if (c == '"' && text.startsWith("\"\"\"", at)) {
      return quoted(3, Form.multiLine("\"\"\"", true));
    }
    if (c == '"') {
      return quoted(1, Form.line("\"", List.of()));
    }
    return c == '\'' && charLiteral();
  }

  /** Kotlin and Scala: {@code """} strings take no escapes and may close with extra quotes, which belong to the text. */
  private boolean kotlinOrScala(char c) {
    List<Interpolation> interpolations = language == Language.KOTLIN ? List.of(DOLLAR_BRACE) : List.of();
    if (c == '"' && text.startsWith("\"\"\"", at)) {
      return quoted(3, new Form("\"\"\"", false, true, interpolations, true, false, STRING));
    }
    if (c == '"') {
      return quoted(1, Form.line("\"", interpolations));
    }
    return c == '\'' && charLiteral();
  }

  private boolean groovyOrDart(char c) {
    if (c != '"' && c != '\'') {
      return false;
    }
    boolean raw = language == Language.DART && at > 0 && text.charAt(at - 1) == 'r' && !identifierChar(at - 2);
    boolean interpolates = !raw && (c == '"' || language == Language.DART);
    List<Interpolation> interpolations = interpolates ? List.of(DOLLAR_BRACE) : List.of();
    String triple = String.valueOf(c).repeat(3);
    if (text.startsWith(triple, at)) {
      return quoted(3, new Form(triple, !raw, true, interpolations, false, false, STRING));
    }
    return quoted(1, new Form(String.valueOf(c), !raw, false, interpolations, false, false, STRING));
  }

  private boolean javascript(char c) {
    if (c == '"' || c == '\'') {
      return quoted(1, Form.line(String.valueOf(c), List.of()));
    }
    if (c == '`') {
      return quoted(1, new Form("`", true, true, List.of(DOLLAR_BRACE), false, false, STRING));
    }
    return c == '/' && regexLiteral();
  }

  /** A triple-quoted string that starts a statement is a docstring: documentation, so a comment. */
  private boolean python(char c) {
    if (c != '"' && c != '\'') {
      return false;
    }
    String triple = String.valueOf(c).repeat(3);
    if (text.startsWith(triple, at)) {
      int prefix = at;
      while (prefix > 0 && at - prefix < 2 && "rRbBuUfF".indexOf(text.charAt(prefix - 1)) >= 0) {
        prefix--;
      }
      byte region = lineStart(prefix) ? COMMENT : STRING;
      return quoted(3, new Form(triple, true, true, List.of(), false, false, region));
    }
    return quoted(1, Form.line(String.valueOf(c), List.of()));
  }

  /** Rust strings may span lines; {@code r#"..."#} is raw; {@code 'a} is a lifetime, not a character. */
  private boolean rust(char c) {
    if (c == '"') {
      int hashes = 0;
      while (at - hashes - 1 >= 0 && text.charAt(at - hashes - 1) == '#') {
        hashes++;
      }
      String prefix = identifierBefore(at - hashes);
      if (prefix.equals("r") || prefix.equals("br") || prefix.equals("cr")) {
        return quoted(1, new Form("\"" + "#".repeat(hashes), false, true, List.of(), false, false, STRING));
      }
      return quoted(1, new Form("\"", true, true, List.of(), false, false, STRING));
    }
    return c == '\'' && charLiteral();
  }

  private boolean go(char c) {
    if (c == '"') {
      return quoted(1, Form.line("\"", List.of()));
    }
    if (c == '`') {
      return quoted(1, new Form("`", false, true, List.of(), false, false, STRING));
    }
    return c == '\'' && charLiteral();
  }

  /** C and C++; C++ raw strings {@code R"delim(...)delim"} take no escapes and span lines. */
  private boolean cOrCpp(char c) {
    if (c == '"') {
      String prefix = identifierBefore(at);
      if (language == Language.CPP && Set.of("R", "u8R", "uR", "UR", "LR").contains(prefix)) {
        int open = text.indexOf('(', at + 1);
        if (open > at && open - at - 1 <= MAX_RAW_DELIMITER && text.substring(at + 1, open).matches("[^\\s()\\\\]*")) {
          String close = ")" + text.substring(at + 1, open) + "\"";
          return quoted(open - at + 1, new Form(close, false, true, List.of(), false, false, STRING));
        }
      }
      return quoted(1, Form.line("\"", List.of()));
    }
    return c == '\'' && charLiteral();
  }

  /** C#: {@code @"..."} verbatim, {@code $"...{x}..."} interpolated, {@code """..."""} raw (C# 11). */
  private boolean csharp(char c) {
    if (c == '\'') {
      return charLiteral();
    }
    if (c != '"') {
      return false;
    }
    boolean verbatim = false;
    boolean interpolated = false;
    for (int i = at - 1; i >= 0 && at - i <= 3 && (text.charAt(i) == '@' || text.charAt(i) == '$'); i--) {
      verbatim |= text.charAt(i) == '@';
      interpolated |= text.charAt(i) == '$';
    }
    int quotes = 0;
    while (at + quotes < text.length() && text.charAt(at + quotes) == '"') {
      quotes++;
    }
    if (quotes >= 3) {
      String run = "\"".repeat(quotes);
      return quoted(quotes, new Form(run, false, true, List.of(), false, false, STRING));
    }
    List<Interpolation> interpolations = interpolated ? List.of(BRACE) : List.of();
    if (verbatim) {
      return quoted(1, new Form("\"", false, true, interpolations, false, true, STRING));
    }
    return quoted(1, new Form("\"", true, false, interpolations, false, interpolated, STRING));
  }

  /** Swift: {@code \(x)} interpolation; {@code #"..."#} raw, where escapes and interpolation take the hashes too. */
  private boolean swift(char c) {
    if (c != '"') {
      return false;
    }
    int hashes = 0;
    while (at - hashes - 1 >= 0 && text.charAt(at - hashes - 1) == '#') {
      hashes++;
    }
    String marks = "#".repeat(hashes);
    List<Interpolation> interpolations = List.of(new Interpolation("\\" + marks + "(", ')'));
    if (text.startsWith("\"\"\"", at)) {
      return quoted(3, new Form("\"\"\"" + marks, hashes == 0, true, interpolations, false, false, STRING));
    }
    return quoted(1, new Form("\"" + marks, hashes == 0, false, interpolations, false, false, STRING));
  }

  /** Ruby strings span lines; {@code %q(...)} and friends; heredocs; regular expressions. */
  private boolean ruby(char c) {
    if (c == '"' || c == '`') {
      return quoted(1, new Form(String.valueOf(c), true, true, List.of(HASH_BRACE), false, false, STRING));
    }
    if (c == '\'') {
      return quoted(1, new Form("'", true, true, List.of(), false, false, STRING));
    }
    if (c == '%' && !identifierChar(at - 1) && "qQwWiIr".indexOf(next(1)) >= 0 && isDelimiter(next(2))) {
      boolean interpolates = "QWIr".indexOf(next(1)) >= 0;
      return quoted(3, new Form(String.valueOf(closing(next(2))), true, true,
          interpolates ? List.of(HASH_BRACE) : List.of(), false, false, STRING));
    }
    if (c == '<' && text.startsWith("<<", at)) {
      return heredoc(2, true);
    }
    return c == '/' && regexLiteral();
  }

  private boolean php(char c) {
    if (c == '\'') {
      return quoted(1, new Form("'", true, true, List.of(), false, false, STRING));
    }
    if (c == '"') {
      return quoted(1, new Form("\"", true, true, List.of(PHP_BRACE, DOLLAR_BRACE), false, false, STRING));
    }
    return c == '<' && text.startsWith("<<<", at) && heredoc(3, false);
  }

  /** Shell: {@code '...'} takes no escapes, {@code $'...'} does; {@code "..."} holds {@code $(...)}; heredocs. */
  private boolean shell(char c) {
    if (c == '\'') {
      boolean ansi = at > 0 && text.charAt(at - 1) == '$';
      return quoted(1, new Form("'", ansi, true, List.of(), false, false, STRING));
    }
    if (c == '"') {
      return quoted(1, new Form("\"", true, true, List.of(SHELL_COMMAND, DOLLAR_BRACE), false, false, STRING));
    }
    return c == '<' && text.startsWith("<<", at) && !text.startsWith("<<<", at) && heredoc(2, false);
  }

  /** Elixir: strings, charlists and heredocs span lines; sigils {@code ~s(...)}; {@code ?c} is a character. */
  private boolean elixir(char c) {
    if (c == '"' || c == '\'') {
      String triple = String.valueOf(c).repeat(3);
      int open = text.startsWith(triple, at) ? 3 : 1;
      return quoted(open, new Form(open == 3 ? triple : String.valueOf(c), true, true, List.of(HASH_BRACE), false, false, STRING));
    }
    if (c == '~' && Character.isLetter(next(1)) && isDelimiter(next(2))) {
      String triple = String.valueOf(next(2)).repeat(3);
      if (text.startsWith(triple, at + 2)) {
        return quoted(5, new Form(triple, true, true, List.of(), false, false, STRING));
      }
      return quoted(3, new Form(String.valueOf(closing(next(2))), true, true, List.of(), false, false, STRING));
    }
    if (c == '?' && !identifierChar(at - 1) && at + 1 < text.length() && !Character.isWhitespace(next(1))) {
      int end = next(1) == '\\' ? at + 3 : at + 1 + Character.charCount(text.codePointAt(at + 1));
      markTo(STRING, Math.min(end, text.length()));
      return true;
    }
    return false;
  }

  /** Haskell: {@code "..."} strings with escapes; {@code 'c'} characters, where a quote after a name is part of it ({@code foldl'}). */
  private boolean haskell(char c) {
    if (c == '"') {
      return quoted(1, Form.line("\"", List.of()));
    }
    return c == '\'' && !identifierChar(at - 1) && charLiteral();
  }

  // ---- literal helpers

  /** Lexes a literal whose opening delimiter is the {@code open} characters at {@code at}. */
  private boolean quoted(int open, Form form) {
    int i = at + open;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (form.doubling() && i + 1 < text.length() && c == text.charAt(i + 1) && (c == '{' || form.close().equals(String.valueOf(c)))) {
        i += 2;
        continue;
      }
      Interpolation interpolation = form.interpolationAt(text, i);
      if (interpolation != null && nesting < MAX_NESTING) {
        markTo(form.region(), i + interpolation.open().length());
        nesting++;
        code(interpolation.close());
        nesting--;
        if (at < text.length()) {
          markTo(form.region(), at + 1);
        }
        i = at;
        continue;
      }
      if (form.escapes() && c == '\\') {
        i += text.startsWith("\r\n", i + 1) ? 3 : 2;
        continue;
      }
      if (text.startsWith(form.close(), i)) {
        int end = i + form.close().length();
        while (form.greedyClose() && end < text.length() && text.charAt(end) == form.close().charAt(0)) {
          end++;
        }
        markTo(form.region(), end);
        return true;
      }
      if (!form.multiLine() && (c == '\n' || c == '\r')) {
        markTo(form.region(), i);
        return true;
      }
      i++;
    }
    markTo(form.region(), text.length());
    return true;
  }

  /** A character literal such as {@code 'a'} or {@code '\n'} at {@code at}; false when it is not one (a Rust lifetime). */
  private boolean charLiteral() {
    int limit = Math.min(text.length(), at + 12);
    int i = at + 1;
    if (i < limit && text.charAt(i) == '\\') {
      i += 2;
      while (i < limit && text.charAt(i) != '\'' && text.charAt(i) != '\n') {
        i++;
      }
    } else if (i < limit && text.charAt(i) != '\n' && text.charAt(i) != '\'') {
      i += Character.charCount(text.codePointAt(i));
    }
    if (i < limit && text.charAt(i) == '\'') {
      markTo(STRING, i + 1);
      return true;
    }
    return false;
  }

  /** A {@code /regex/} where an operand is expected; false for a division or a JSX closing tag. */
  private boolean regexLiteral() {
    if (at > 0 && text.charAt(at - 1) == '<') {
      return false;
    }
    int before = at - 1;
    while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
      before--;
    }
    if (before >= 0 && identifierChar(before)) {
      if (!KEYWORDS_BEFORE_REGEX.contains(identifierBefore(before + 1))) {
        return false;
      }
    } else if (before >= 0 && text.charAt(before) != '\n' && BEFORE_REGEX.indexOf(text.charAt(before)) < 0) {
      return false;
    }
    boolean inClass = false;
    for (int i = at + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return false;
      } else if (c == '\\') {
        i++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        if (i == at + 1) {
          return false;
        }
        markTo(STRING, i + 1);
        return true;
      }
    }
    return false;
  }

  /**
   * Registers a heredoc whose opener ({@code <<EOF}, {@code <<~EOS}, {@code <<<'EOT'}) starts at {@code at};
   * its body, the lines after this one up to the terminator, is lexed at the end of the line.
   */
  private boolean heredoc(int arrows, boolean rubyStyle) {
    int i = at + arrows;
    if (i < text.length() && (text.charAt(i) == '-' || (rubyStyle && text.charAt(i) == '~'))) {
      i++;
    }
    if (!rubyStyle) {
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
    }
    char quote = i < text.length() ? text.charAt(i) : '\0';
    boolean quoted = quote == '\'' || quote == '"' || (quote == '\\' && language == Language.SHELL);
    int start = quoted ? i + 1 : i;
    int end = start;
    while (end < text.length() && identifierChar(end)) {
      end++;
    }
    String word = text.substring(start, end);
    boolean valid = !word.isEmpty() && !Character.isDigit(word.charAt(0))
        && (!rubyStyle || quoted || word.equals(word.toUpperCase(Locale.ROOT)));
    if (!valid) {
      return false;
    }
    if (quoted && quote != '\\') {
      if (end >= text.length() || text.charAt(end) != quote) {
        return false;
      }
      end++;
    }
    heredocs.add(new Heredoc(word));
    markTo(CODE, end);
    return true;
  }

  /** The bodies of the heredocs opened on the line that just ended, one after the other. */
  private void heredocBodies() {
    for (Heredoc heredoc : List.copyOf(heredocs)) {
      int line = at;
      while (true) {
        int lineEnd = endOfLine(line);
        String content = text.substring(line, lineEnd).stripLeading();
        boolean terminator = content.startsWith(heredoc.terminator())
            && (content.length() == heredoc.terminator().length() || !isIdentifierChar(content.charAt(heredoc.terminator().length())));
        if (terminator || lineEnd >= text.length()) {
          markTo(STRING, lineEnd);
          break;
        }
        line = lineEnd + (text.startsWith("\r\n", lineEnd) ? 2 : 1);
      }
      if (at < text.length()) {
        markTo(CODE, at + (text.startsWith("\r\n", at) ? 2 : 1));
      }
    }
    heredocs.clear();
  }

  private static boolean isDelimiter(char c) {
    return c != '\0' && "([{</|\"'!".indexOf(c) >= 0;
  }

  private static char closing(char open) {
    return switch (open) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      default -> open;
    };
  }

  /** The identifier that ends just before {@code end}. */
  private String identifierBefore(int end) {
    int start = end;
    while (start > 0 && identifierChar(start - 1)) {
      start--;
    }
    return text.substring(start, end);
  }

  private boolean identifierChar(int index) {
    return index >= 0 && index < text.length() && isIdentifierChar(text.charAt(index));
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private int endOfLine(int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Nothing but spaces and tabs between the start of the line and {@code index}. */
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

  /** Marks {@code [at, end)} (at least one character) as {@code region} and moves past it. */
  private void markTo(byte region, int end) {
    int stop = Math.min(Math.max(end, at + 1), text.length());
    // Each character is marked once, in order, and the array starts as code: only the other
    // regions need writing.
    if (region != CODE) {
      Arrays.fill(regions, at, stop, region);
    }
    at = stop;
  }

  /** Code inside a string, from {@code open} to the matching {@code close}. */
  private record Interpolation(String open, char close) {}

  /** A heredoc waiting for the end of its opening line. */
  private record Heredoc(String terminator) {}

  /**
   * How a literal is written.
   *
   * @param close the closing delimiter
   * @param escapes a backslash escapes the next character
   * @param multiLine the literal may span lines
   * @param greedyClose quotes right after the closing delimiter still belong to the literal (Kotlin, Scala)
   * @param doubling a doubled closing quote or {@code {{} stands for itself (C# verbatim and interpolated strings)
   * @param region the region of the literal: a string, or a comment for a docstring
   */
  private record Form(String close, boolean escapes, boolean multiLine, List<Interpolation> interpolations,
      boolean greedyClose, boolean doubling, byte region) {

    static Form line(String close, List<Interpolation> interpolations) {
      return new Form(close, true, false, interpolations, false, false, STRING);
    }

    static Form multiLine(String close, boolean escapes) {
      return new Form(close, escapes, true, List.of(), false, false, STRING);
    }

    Interpolation interpolationAt(String text, int index) {
      // Indexed: this runs at every character of a literal, where an iterator would be an allocation each time.
      for (int i = 0; i < interpolations.size(); i++) {
        Interpolation interpolation = interpolations.get(i);
        if (text.startsWith(interpolation.open(), index)) {
          return interpolation;
        }
      }
      return null;
    }
  }
}
