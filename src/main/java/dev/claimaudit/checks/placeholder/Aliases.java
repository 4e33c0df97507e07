package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Region;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple aliases a file declares for a placeholder: {@code use std::todo as later;},
 * {@code NIE = NotImplementedError}, {@code const later = it.skip;},
 * {@code import { it as spec } from "vitest"}. A name counts only when what it stands for holds a
 * keyword of some rule, or is a test framework's module, so that ordinary assignments are not
 * followed; a name is followed in the file that declares it, not across files.
 */
final class Aliases {
  /** Most aliases followed in one file. */
  private static final int MAX_ALIASES = 32;
  /** Characters of a named import read from its first line on. */
  private static final int MAX_NAMED_IMPORT = 600;

  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^[ \\t]*(?:(?:export\\s+)?(?:const|let|var|val|final|typealias)\\s+)?([A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]{1,60})?=\\s*"
          + "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*|\\[\\s*['\"][\\w$]+['\"]\\s*\\]){0,4})\\s*;?[ \\t]*$",
      Pattern.MULTILINE);
  /** A variable set to a literal holds a value that may change ({@code received = False}, set in a callback), not a name for one. */
  private static final Pattern NOT_WORD = Pattern.compile("\\W");
  private static final Pattern LITERAL = Pattern.compile("(?i)true|false|none|null|nil|undefined");
  private static final Pattern IMPORT_AS = Pattern.compile(
      "\\b(?:use|import)\\s+(?:[\\w.]+(?:::|\\.))?(\\w+)\\s+as\\s+(\\w+)|\\bfrom\\s+[\\w.]+\\s+import\\s+(\\w+)\\s+as\\s+(\\w+)");
  private static final Pattern NAMED_IMPORT = Pattern.compile("\\bimport\\s*(?:type\\s+)?\\{([^}]{1,400})\\}");
  private static final Pattern NAMED_ALIAS = Pattern.compile("\\b(\\w+)\\s+as\\s+(\\w+)");
  private static final Pattern USING = Pattern.compile("\\busing\\s+(\\w+)\\s*=\\s*([\\w.]+)\\s*;");
  /**
   * Languages that cannot give a placeholder another name: Java renames no import, and a method is
   * no value that {@code later = fail} could hold, so its assignments of a bare name
   * ({@code epoch = latestEpoch}) are ordinary and every line of its files need not be read for one.
   */
  private static final Set<Language> NAMING_NOTHING = EnumSet.of(Language.JAVA);
  /** Modules whose members are the placeholders: an alias of one is followed too. */
  private static final List<String> TEST_MODULES = List.of("pytest", "unittest", "it", "test", "describe", "testing");

  private Aliases() {}

  /** The words an alias's target is searched for: the rules' keywords, letters and digits only, those of four or more. */
  static List<String> words(List<String> keywords) {
    return keywords.stream().map(keyword -> NOT_WORD.matcher(keyword).replaceAll("")).filter(word -> word.length() >= 4).distinct().toList();
  }

  /**
   * Alias name to what it stands for, as the rules should read it; {@code keywords} as {@link #words}
   * gives them. Only the lines that can declare an alias are matched: an import, a {@code using},
   * or an assignment whose right side is a bare name.
   */
  static Map<String, String> of(Language language, LexedText lexed, List<String> keywords) {
    if (NAMING_NOTHING.contains(language)) {
      return Map.of();
    }
    String text = lexed.text();
    Map<String, String> aliases = new HashMap<>();
    Matcher assignment = ASSIGNMENT.matcher(text);
    Matcher importAs = IMPORT_AS.matcher(text);
    Matcher named = NAMED_IMPORT.matcher(text);
    Matcher using = USING.matcher(text);
    for (int line = 1; line <= lexed.lineCount() && aliases.size() < MAX_ALIASES; line++) {
      int start = lexed.lineStart(line);
      int end = line < lexed.lineCount() ? lexed.lineStart(line + 1) : text.length();
      int first = start;
      while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
        first++;
      }
      if (first == end || lexed.regionAt(line, first - start) != Region.CODE) {
        continue;
      }
      if (startsWithWord(text, first, "import") || startsWithWord(text, first, "from") || startsWithWord(text, first, "use")
          || startsWithWord(text, first, "pub")) {
        boolean renames = renames(text, start, end);
        importAs.region(start, end);
        while (renames && importAs.find() && aliases.size() < MAX_ALIASES) {
          String target = importAs.group(1) != null ? importAs.group(1) : importAs.group(3);
          String name = importAs.group(1) != null ? importAs.group(2) : importAs.group(4);
          if (relevant(target, keywords) && !name.equals(target)) {
            aliases.put(name, target);
          }
        }
        // A named import may run over several lines: import {\n  it as spec,\n} from "vitest".
        named.region(first, Math.min(text.length(), first + MAX_NAMED_IMPORT));
        if (named.lookingAt()) {
          Matcher pair = NAMED_ALIAS.matcher(named.group(1));
          while (pair.find()) {
            if (relevant(pair.group(1), keywords) && !pair.group(1).equals(pair.group(2))) {
              aliases.put(pair.group(2), pair.group(1));
            }
          }
        }
      } else if (language == Language.CSHARP && startsWithWord(text, first, "using")) {
        using.region(start, end);
        if (using.find() && relevant(using.group(2), keywords)) {
          aliases.put(using.group(1), using.group(2));
        }
      } else if (bareNameAssigned(text, start, end)) {
        assignment.region(start, end);
        if (assignment.find() && !LITERAL.matcher(assignment.group(2)).matches() && relevant(assignment.group(2), keywords)
            && !assignment.group(1).equals(assignment.group(2))) {
          aliases.put(assignment.group(1), assignment.group(2));
        }
      }
    }
    return aliases;
  }

  /**
   * Whether the line holds {@code as} between white space, as every import that renames does:
   * most imports rename nothing, and a long dotted one costs the import pattern much backtracking.
   */
  private static boolean renames(String text, int start, int end) {
    for (int at = text.indexOf("as", start); at >= 0 && at + 2 < end; at = text.indexOf("as", at + 1)) {
      if (at > start && Character.isWhitespace(text.charAt(at - 1)) && Character.isWhitespace(text.charAt(at + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithWord(String text, int at, String word) {
    int after = at + word.length();
    return text.startsWith(word, at) && (after == text.length() || !Character.isLetterOrDigit(text.charAt(after)));
  }

  /**
   * Whether the line's last {@code =} is an assignment whose right side holds only a name, a
   * dotted or indexed path and a closing {@code ;}: the shape of {@code NIE = NotImplementedError}.
   */
  static boolean bareNameAssigned(String text, int start, int end) {
    // Read from the line's end, each character up to the last = is on its right side: the first
    // that cannot be there settles it, which on most lines of code is one of the last few.
    boolean letter = false;
    int equals = end - 1;
    for (; equals > start; equals--) {
      char c = text.charAt(equals);
      if (c == '=') {
        break;
      }
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!Character.isDigit(c) && "_$.[]'\" \t;\r\n".indexOf(c) < 0) {
        return false;
      }
    }
    if (equals <= start || equals + 1 < end && (text.charAt(equals + 1) == '=' || text.charAt(equals + 1) == '>')
        || "=!<>".indexOf(text.charAt(equals - 1)) >= 0) {
      return false;
    }
    return letter;
  }

  private static boolean relevant(String target, List<String> keywords) {
    String lower = target.toLowerCase(Locale.ROOT);
    if (TEST_MODULES.contains(lower)) {
      return true;
    }
    for (String word : keywords) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
