package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.LineContext;
import dev.claimaudit.lang.Region;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.BoundedCharSequence;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import java.util.regex.Pattern;

/** Decides a rule's {@link Rule.Structure} conditions on the code around the line it matched. */
final class StructureCheck {
  private StructureCheck() {}

  /**
   * Whether every condition of {@code structure} holds for line {@code number}, where the rule's
   * match ended at column {@code matchEnd} (the rest of the line belongs to the block it opens).
   */
  static boolean holds(Rule.Structure structure, LexedText lexed, int number, int matchEnd) {
    if (!structure.any()) {
      return true;
    }
    if (structure.ifInside().isPresent()
        && LineContext.enclosing(lexed, number).stream().skip(1).noneMatch(line -> finds(structure.ifInside().get(), line))) {
      return false;
    }
    if (structure.unlessEnclosedBy().isPresent() && LineContext.enclosingLines(lexed, number).stream().skip(1)
        .anyMatch(line -> finds(structure.unlessEnclosedBy().get(), LineContext.only(lexed, line, Region.CODE)))) {
      return false;
    }
    if (structure.ifAnnotated().isPresent() && LineContext.annotations(lexed, number).stream().noneMatch(line -> annotates(structure, line))) {
      return false;
    }
    if (structure.bodyOnly().isPresent() || structure.bodyComment().isPresent()) {
      List<Integer> body = LineContext.body(lexed, number);
      if (structure.bodyOnly().isPresent() && !onlyOthers(structure.bodyOnly().get(), lexed, body, number)) {
        return false;
      }
      if (structure.bodyComment().isPresent() && !inComments(structure.bodyComment().get(), lexed, body, number)) {
        return false;
      }
    }
    if (structure.unlessBlock().isPresent() || structure.blockComment().isPresent()) {
      List<Integer> block = LineContext.block(lexed, number);
      String rest = rest(lexed, number, matchEnd, Region.CODE);
      if (structure.unlessBlock().isPresent()
          && (finds(structure.unlessBlock().get(), rest) || anyLineFromTheEnd(structure.unlessBlock().get(), lexed, block)
              || aHelperHolds(structure.unlessBlock().get(), lexed, number, block))) {
        return false;
      }
      if (structure.blockComment().isPresent()
          && !finds(structure.blockComment().get(), rest(lexed, number, matchEnd, Region.COMMENT))
          && block.stream().noneMatch(line -> finds(structure.blockComment().get(), LineContext.only(lexed, line, Region.COMMENT)))) {
        return false;
      }
    }
    return structure.unlessFile().isEmpty() || !inCode(structure.unlessFile().get(), lexed);
  }

  /**
   * Whether a function of the same file that the block calls by its bare name (or on {@code self}
   * or {@code this}) holds a line that {@code pattern} finds: a test that checks through a helper
   * of its own file ({@code def test_bed(self): self.execute()}) checks. One call deep; the helper's
   * definition is the first line that holds its name and a parenthesis after at most a few words
   * ({@link #DEFINITION_WORDS}) and ends its header with {@code :}, {@code {} or an open bracket.
   */
  private static boolean aHelperHolds(Pattern pattern, LexedText lexed, int number, List<Integer> block) {
    Set<String> called = new LinkedHashSet<>();
    for (int line : block) {
      Matcher call = CALL.matcher(LineContext.only(lexed, line, Region.CODE));
      while (call.find() && called.size() < MAX_HELPERS) {
        if (!KEYWORDS_EVERYWHERE.contains(call.group(1))) {
          called.add(call.group(1));
        }
      }
    }
    String text = lexed.text();
    for (String name : called) {
      String quoted = Pattern.quote(name);
      Pattern definition = Pattern.compile(DEFINITION_START + "(?:" + DEFINITION_WORDS + quoted + "\\s*\\((?:.*[:{(,])?|" + quoted
          + "\\s*\\([^;]*\\{)\\s*$");
      for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
        int line = lexed.lineOf(at);
        if (line != number && !block.contains(line) && finds(definition, LineContext.only(lexed, line, Region.CODE))) {
          if (anyLineFromTheEnd(pattern, lexed, LineContext.block(lexed, line))) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  /** A call by a bare name, or on {@code self} or {@code this}: {@code execute(}, {@code self.execute(}. */
  private static final Pattern CALL = Pattern.compile("(?:^|[^\\w.$]|\\bself\\.|\\bthis\\.)([A-Za-z_]\\w*)\\s*\\(");
  /** A definition line starts with no statement keyword. */
  private static final String DEFINITION_START =
      "^\\s*(?!(?:return|yield|await|if|elif|while|for|assert|raise|throw|else|case|go|defer|new|print)\\b)";
  /**
   * What stands before a function's name on its definition line: modifiers, a keyword, a return
   * type; with none ({@code execute() {}), the header must open the body on the line, as a call
   * does not.
   */
  private static final String DEFINITION_WORDS = "(?:[\\w@<>\\[\\]?,.*&]+\\s+){1,5}";
  /**
   * Keywords of every language these rules read, which {@link #CALL} also finds ({@code if (}): no
   * helper is named so, and they do not count among the {@link #MAX_HELPERS}.
   */
  private static final Set<String> KEYWORDS_EVERYWHERE = Set.of("if", "for", "return");
  /** Most helpers a block is followed into. */
  private static final int MAX_HELPERS = 16;

  /** Whether {@code line}, an annotation above a rule's match, is one that {@code structure} asks for. */
  static boolean annotates(Rule.Structure structure, String line) {
    return finds(structure.ifAnnotated().orElseThrow(), line);
  }

  /**
   * Whether a rule with {@code structure} may hold anywhere in {@code text} as far as the
   * annotation it asks for goes: some line of it is such an annotation, or it asks for none.
   */
  static boolean mayBeAnnotated(Rule.Structure structure, String text) {
    return structure.ifAnnotated().isEmpty() || LineContext.anyAnnotationLine(text, line -> annotates(structure, line));
  }

  /**
   * Whether {@code pattern} matches the code of a line of {@code block}. The lines are tried from
   * the last: what a block's condition looks for, a test's assertion, mostly ends the block.
   */
  private static boolean anyLineFromTheEnd(Pattern pattern, LexedText lexed, List<Integer> block) {
    for (int i = block.size() - 1; i >= 0; i--) {
      if (finds(pattern, LineContext.only(lexed, block.get(i), Region.CODE))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code pattern} matches the file somewhere in its code. */
  private static boolean inCode(Pattern pattern, LexedText lexed) {
    Matcher matcher = pattern.matcher(lexed.text());
    String text = lexed.text();
    while (matcher.find()) {
      int at = matcher.start();
      while (at < matcher.end() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      int line = lexed.lineOf(at);
      int column = at - lexed.lineStart(line);
      if (column < lexed.line(line).length() && lexed.regionAt(line, column) == Region.CODE) {
        return true;
      }
      if (matcher.end() == matcher.start()) {
        break;
      }
    }
    return false;
  }

  /** Every code line of {@code body} but {@code number} matches (on its code alone). */
  private static boolean onlyOthers(Pattern pattern, LexedText lexed, List<Integer> body, int number) {
    for (int line : body) {
      if (line == number || !lexed.holdsCode(line)) {
        continue;
      }
      String code = LineContext.only(lexed, line, Region.CODE);
      if (!code.isBlank() && !finds(pattern, code)) {
        return false;
      }
    }
    return true;
  }

  /** A comment of {@code body}, or of line {@code number} itself, matches. */
  private static boolean inComments(Pattern pattern, LexedText lexed, List<Integer> body, int number) {
    if (finds(pattern, LineContext.only(lexed, number, Region.COMMENT))) {
      return true;
    }
    return body.stream().anyMatch(line -> finds(pattern, LineContext.only(lexed, line, Region.COMMENT)));
  }

  /** The part of line {@code number} after {@code from}, only the characters in {@code region}. */
  private static String rest(LexedText lexed, int number, int from, Region region) {
    String only = LineContext.only(lexed, number, region);
    return only.substring(Math.min(from, only.length()));
  }

  private static boolean finds(Pattern pattern, String text) {
    try {
      return pattern.matcher(new BoundedCharSequence(text.length() > PlaceholderScanner.MAX_LINE
          ? text.substring(0, PlaceholderScanner.MAX_LINE) : text)).find();
    } catch (BoundedCharSequence.BudgetExceeded | StackOverflowError e) {
      return false;
    }
  }

}
