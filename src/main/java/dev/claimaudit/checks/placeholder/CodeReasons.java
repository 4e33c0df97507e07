package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.LineContext;
import dev.claimaudit.lang.Region;
import dev.claimaudit.rules.ReasonVocabulary;
import dev.claimaudit.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the code says of its own placeholder and classifies it ({@link CodeReason}). For a
 * skipped or disabled test: the reason it is given ({@code @Disabled("…")}, {@code t.Skip("…")},
 * {@code #[ignore = "…"]}, {@code pytest.mark.skip(reason=…)}), the comment on its line or just
 * above it, and the condition it depends on (the skip's own condition, the {@code if} around
 * it). For a stub: its message, apart from the names of the function and class it sits in. The
 * words are data: {@link ReasonVocabulary}.
 */
final class CodeReasons {
  /** Comment lines above a placeholder read as its reason. */
  private static final int MAX_COMMENT_LINES = 6;

  /** A link or an issue number in a stub's message: the gap is tracked. */
  private static final Pattern LINK = Pattern.compile("https?://\\S+|(?<![\\w&])#\\d+\\b");
  /** A stub whose only argument is a named constant: {@code NotImplementedError(_AIO_ERROR_MSG)}, {@code new X(Messages.NO_ASYNC)}. */
  private static final Pattern CONSTANT_ARGUMENT = Pattern.compile("\\(\\s*(?:[A-Za-z_]\\w*\\.)*([A-Z_][A-Z0-9_]*[A-Z0-9])\\s*\\)");
  /** Lines of a constant's assignment read for its message. */
  private static final int MAX_CONSTANT_LINES = 8;
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9']*");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CAMEL_PART = Pattern.compile("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])");
  /** A test declared with its name first: the name is not a reason. */
  private static final Pattern NAMED_DECLARATION = Pattern.compile(
      "(?<![.\\w])(?:x|f)?(?:it|test|describe|context|suite|specify|scenario|feature|should|group|testWidgets)"
          + "(?:\\s*\\.\\s*\\w+|\\s*\\[[^\\]]*\\])*\\s*[(\\s]\\s*[\"'`]");
  private static final Pattern UNCONDITIONAL = Pattern.compile("(?i)skip(?:if|unless)?\\s*\\(\\s*(?:true|1)\\s*[,)]");
  private static final Pattern CONDITION_LINE = Pattern.compile("^\\s*(?:\\}\\s*)?(?:if|elif|else\\s+if|unless|when|guard)\\b.*");
  private static final Pattern ELSE_LINE = Pattern.compile("^\\s*(?:\\}\\s*)?else\\b(?!\\s+if)");

  private final ReasonVocabulary words;

  CodeReasons(ReasonVocabulary words) {
    this.words = words;
  }

  /** What the code around a finding of {@code rule} on line {@code number} says of it. */
  CodeReason of(Rule rule, LexedText lexed, int number, MatchLine view) {
    if (words.unexcused().contains(rule.id())) {
      return CodeReason.NONE;
    }
    if (rule.ruleClass() == RuleClass.TEST_EVASION) {
      return skip(lexed, number, view);
    }
    if (rule.ruleClass() == RuleClass.HARD_STUB) {
      return stub(lexed, number, view);
    }
    return CodeReason.NONE;
  }

  private CodeReason skip(LexedText lexed, int number, MatchLine view) {
    String code = withoutComments(lexed, number);
    boolean conditional = !UNCONDITIONAL.matcher(code).find()
        && (ReasonVocabulary.any(words.conditional(), code.toLowerCase(Locale.ROOT)) || conditionAround(lexed, number));
    if (conditional) {
      return CodeReason.EXTERNAL;
    }
    // A skip whose line opens the test's body gives its reason on that line; one whose arguments go
    // on below gives it there too.
    String stripped = LineContext.only(lexed, number, Region.CODE).strip();
    boolean opensBody = stripped.endsWith("{") || stripped.endsWith("=>") || stripped.endsWith(":") || stripped.endsWith("do");
    List<String> strings = strings(lexed, number, view, opensBody);
    if (!strings.isEmpty() && NAMED_DECLARATION.matcher(code).find()) {
      strings.remove(0);
    }
    String text = (String.join(" ", strings) + " " + comments(lexed, number, words.mentions())).strip();
    if (ReasonVocabulary.any(words.admitted(), text)) {
      return CodeReason.ADMITTED;
    }
    if (ReasonVocabulary.any(words.external(), text)) {
      return CodeReason.EXTERNAL;
    }
    return contentWords(text, words.filler(), Set.of()).size() >= 2 ? CodeReason.ADMITTED : CodeReason.NONE;
  }

  private CodeReason stub(LexedText lexed, int number, MatchLine view) {
    String message = String.join(" ", strings(lexed, number, view, false)).strip();
    if (message.isEmpty()) {
      message = constantMessage(lexed, view.text());
    }
    if (message.isEmpty()) {
      return CodeReason.NONE;
    }
    if (LINK.matcher(message).find()) {
      return CodeReason.ADMITTED;
    }
    if (!words.admission().matcher(message).find()) {
      return CodeReason.NONE;
    }
    Set<String> own = ownNames(lexed, number);
    String lower = message.toLowerCase(Locale.ROOT);
    Matcher subCase = words.subCase().matcher(lower);
    while (subCase.find()) {
      if (!contentWords(subCase.group(), words.generic(), Set.of()).isEmpty()) {
        return CodeReason.ADMITTED;
      }
    }
    return contentWords(message, words.generic(), own).isEmpty() ? CodeReason.NONE : CodeReason.ADMITTED;
  }

  /**
   * The message of a stub that passes a constant ({@code raise NotImplementedError(_AIO_ERROR_MSG)}):
   * the string literals of the constant's assignment in the same file, up to where its statement
   * ends; empty when the file assigns none.
   */
  private static String constantMessage(LexedText lexed, String stub) {
    Matcher argument = CONSTANT_ARGUMENT.matcher(stub);
    if (!argument.find()) {
      return "";
    }
    Pattern assignment = Pattern.compile("^\\s*(?:[\\w<>\\[\\]]+\\s+)*" + Pattern.quote(argument.group(1)) + "\\s*(?::[^=]+)?=(?!=)");
    for (int line = 1; line <= lexed.lineCount(); line++) {
      if (!assignment.matcher(lexed.line(line)).find()) {
        continue;
      }
      StringBuilder message = new StringBuilder();
      for (int at = line; at <= Math.min(lexed.lineCount(), line + MAX_CONSTANT_LINES); at++) {
        literals(lexed, at).forEach(literal -> message.append(' ').append(literal));
        String code = LineContext.only(lexed, at, Region.CODE).strip();
        if (at > line && (code.equals(")") || code.endsWith(";")) || at == line && code.endsWith(";")) {
          break;
        }
      }
      return message.toString().strip();
    }
    return "";
  }

  /** The string literals of line {@code number}, each without its quotes. */
  private static List<String> literals(LexedText lexed, int number) {
    String line = lexed.line(number);
    List<String> literals = new ArrayList<>();
    int start = -1;
    for (int column = 0; column <= line.length(); column++) {
      boolean inString = column < line.length() && lexed.regionAt(number, column) == Region.STRING;
      if (inString && start < 0) {
        start = column;
      } else if (!inString && start >= 0) {
        literals.add(unquote(line.substring(start, column)));
        start = -1;
      }
    }
    return literals;
  }

  /** Line {@code number} with its comment blanked: its code and its string literals. */
  private static String withoutComments(LexedText lexed, int number) {
    String line = lexed.line(number);
    String comment = LineContext.only(lexed, number, Region.COMMENT);
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      out.append(comment.charAt(i) == ' ' ? line.charAt(i) : ' ');
    }
    return out.toString();
  }

  /**
   * The string literals of the line as the rules read it (a call joined over lines included, unless
   * {@code lineOnly}), without their quotes.
   */
  private static List<String> strings(LexedText lexed, int number, MatchLine view, boolean lineOnly) {
    List<String> strings = new ArrayList<>();
    String text = view.text();
    StringBuilder current = null;
    for (int i = 0; i < text.length(); i++) {
      boolean inString = view.columnAt(i) >= 0 && (!lineOnly || view.lineAt(i) == number)
          && lexed.regionAt(view.lineAt(i), view.columnAt(i)) == Region.STRING;
      if (inString) {
        if (current == null) {
          current = new StringBuilder();
        }
        current.append(text.charAt(i));
      } else if (current != null) {
        strings.add(unquote(current.toString()));
        current = null;
      }
    }
    if (current != null) {
      strings.add(unquote(current.toString()));
    }
    strings.removeIf(String::isBlank);
    return strings;
  }

  private static String unquote(String literal) {
    return literal.replaceAll("^[rbfuRBFU]{0,2}[\"'`#@$]+|[\"'`#]+$", "");
  }

  /**
   * The comment on the line and the comment lines just above it (annotations between passed over,
   * one blank line allowed); for the first statement of a block, the comments above its header too.
   * A comment above counts only when it speaks of the skip ({@code mentions}).
   */
  private static String comments(LexedText lexed, int number, Pattern mentions) {
    StringBuilder out = new StringBuilder(LineContext.only(lexed, number, Region.COMMENT).strip());
    out.append(' ').append(speaking(commentsAbove(lexed, number), mentions));
    int header = previousCode(lexed, number);
    if (header > 0 && lexed.indent(header) < lexed.indent(number)) {
      out.append(' ').append(speaking(commentsAbove(lexed, header), mentions));
    }
    return out.toString();
  }

  /** {@code comment}, when it speaks of the skip; empty when it only describes the test. */
  private static String speaking(String comment, Pattern mentions) {
    return mentions.matcher(comment).find() ? comment : "";
  }

  private static String commentsAbove(LexedText lexed, int number) {
    List<String> lines = new ArrayList<>();
    boolean blank = false;
    for (int line = number - 1; line >= 1 && lines.size() < MAX_COMMENT_LINES; line--) {
      String text = lexed.line(line);
      String stripped = text.strip();
      if (stripped.isEmpty()) {
        if (blank) {
          break;
        }
        blank = true;
        continue;
      }
      if (lexed.holdsCode(line)) {
        if (stripped.startsWith("@") || stripped.startsWith("#[") || stripped.startsWith("[")) {
          continue;
        }
        break;
      }
      lines.add(0, LineContext.only(lexed, line, Region.COMMENT).strip());
    }
    return String.join(" ", lines);
  }

  private static int previousCode(LexedText lexed, int number) {
    for (int line = number - 1; line >= 1; line--) {
      if (lexed.holdsCode(line)) {
        return line;
      }
    }
    return 0;
  }

  /** Whether an if (or the if of an else) around the line tests the platform, the environment or the build. */
  private boolean conditionAround(LexedText lexed, int number) {
    for (int line : LineContext.enclosingLines(lexed, number).stream().skip(1).toList()) {
      String code = LineContext.only(lexed, line, Region.CODE);
      if (ELSE_LINE.matcher(code).find()) {
        int ifLine = siblingIf(lexed, line);
        code = ifLine > 0 ? LineContext.only(lexed, ifLine, Region.CODE) : code;
      }
      if (CONDITION_LINE.matcher(code).find() && ReasonVocabulary.any(words.conditions(), code.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The if at the same indent above an else line. */
  private static int siblingIf(LexedText lexed, int elseLine) {
    int level = lexed.indent(elseLine);
    for (int line = elseLine - 1; line >= Math.max(1, elseLine - 2_000); line--) {
      if (!lexed.holdsCode(line)) {
        continue;
      }
      String text = lexed.line(line);
      if (LineContext.indent(text) < level) {
        return 0;
      }
      if (LineContext.indent(text) == level && CONDITION_LINE.matcher(text).find()) {
        return line;
      }
    }
    return 0;
  }

  /** The words of the identifiers on the lines enclosing the line (its function, its class), split at case and underscores. */
  private static Set<String> ownNames(LexedText lexed, int number) {
    Set<String> names = new HashSet<>();
    for (int line : LineContext.enclosingLines(lexed, number).stream().skip(1).toList()) {
      Matcher identifier = IDENTIFIER.matcher(LineContext.only(lexed, line, Region.CODE));
      while (identifier.find()) {
        String name = identifier.group();
        names.add(name.toLowerCase(Locale.ROOT));
        for (String part : name.split("_")) {
          Matcher camel = CAMEL_PART.matcher(part);
          while (camel.find()) {
            names.add(camel.group().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }

  /** The words of {@code text} that are neither in {@code skip} nor a name of {@code own} (nor share a long prefix with one). */
  private static List<String> contentWords(String text, Set<String> skip, Set<String> own) {
    List<String> content = new ArrayList<>();
    Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (word.find()) {
      String w = word.group().replace("'", "");
      if (w.length() < 2 || skip.contains(w) || ownName(w, own)) {
        continue;
      }
      content.add(w);
    }
    return content;
  }

  private static boolean ownName(String word, Set<String> own) {
    if (own.contains(word)) {
      return true;
    }
    for (String name : own) {
      int common = 0;
      while (common < Math.min(word.length(), name.length()) && word.charAt(common) == name.charAt(common)) {
        common++;
      }
      if (common >= 4 && common >= Math.min(word.length(), name.length()) - 2) {
        return true;
      }
    }
    return false;
  }
}
