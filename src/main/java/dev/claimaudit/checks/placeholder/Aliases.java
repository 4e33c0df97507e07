package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Region;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^[ \\t]*(?:(?:export\\s+)?(?:const|let|var|val|final|typealias)\\s+)?([A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]{1,60})?=\\s*"
          + "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*|\\[\\s*['\"][\\w$]+['\"]\\s*\\]){0,4})\\s*;?[ \\t]*$",
      Pattern.MULTILINE);
  /** A variable set to a literal holds a value that may change ({@code received = False}, set in a callback), not a name for one. */
  private static final Pattern LITERAL = Pattern.compile("(?i)true|false|none|null|nil|undefined");
  private static final Pattern IMPORT_AS = Pattern.compile(
      "\\b(?:use|import)\\s+(?:[\\w.]+(?:::|\\.))?(\\w+)\\s+as\\s+(\\w+)|\\bfrom\\s+[\\w.]+\\s+import\\s+(\\w+)\\s+as\\s+(\\w+)");
  private static final Pattern NAMED_IMPORT = Pattern.compile("\\bimport\\s*(?:type\\s+)?\\{([^}]{1,400})\\}");
  private static final Pattern NAMED_ALIAS = Pattern.compile("\\b(\\w+)\\s+as\\s+(\\w+)");
  private static final Pattern USING = Pattern.compile("\\busing\\s+(\\w+)\\s*=\\s*([\\w.]+)\\s*;");
  /** Modules whose members are the placeholders: an alias of one is followed too. */
  private static final List<String> TEST_MODULES = List.of("pytest", "unittest", "it", "test", "describe", "testing");

  private Aliases() {}

  /**
   * Alias name to what it stands for, as the rules should read it; {@code keywords} are the rules'
   * keywords in lower case.
   */
  static Map<String, String> of(Language language, LexedText lexed, List<String> keywords) {
    String text = lexed.text();
    Map<String, String> aliases = new HashMap<>();
    Matcher assignment = ASSIGNMENT.matcher(text);
    while (assignment.find() && aliases.size() < MAX_ALIASES) {
      if (code(lexed, assignment.start(1)) && !LITERAL.matcher(assignment.group(2)).matches() && relevant(assignment.group(2), keywords)
          && !assignment.group(1).equals(assignment.group(2))) {
        aliases.put(assignment.group(1), assignment.group(2));
      }
    }
    Matcher importAs = IMPORT_AS.matcher(text);
    while (importAs.find() && aliases.size() < MAX_ALIASES) {
      String target = importAs.group(1) != null ? importAs.group(1) : importAs.group(3);
      String name = importAs.group(1) != null ? importAs.group(2) : importAs.group(4);
      if (code(lexed, importAs.start()) && relevant(target, keywords) && !name.equals(target)) {
        aliases.put(name, target);
      }
    }
    Matcher named = NAMED_IMPORT.matcher(text);
    while (named.find() && aliases.size() < MAX_ALIASES) {
      if (!code(lexed, named.start())) {
        continue;
      }
      Matcher pair = NAMED_ALIAS.matcher(named.group(1));
      while (pair.find()) {
        if (relevant(pair.group(1), keywords) && !pair.group(1).equals(pair.group(2))) {
          aliases.put(pair.group(2), pair.group(1));
        }
      }
    }
    if (language == Language.CSHARP) {
      Matcher using = USING.matcher(text);
      while (using.find() && aliases.size() < MAX_ALIASES) {
        if (code(lexed, using.start()) && relevant(using.group(2), keywords)) {
          aliases.put(using.group(1), using.group(2));
        }
      }
    }
    return aliases;
  }

  private static boolean relevant(String target, List<String> keywords) {
    String lower = target.toLowerCase(Locale.ROOT);
    return TEST_MODULES.contains(lower) || keywords.stream().map(keyword -> keyword.replaceAll("\\W", ""))
        .anyMatch(word -> word.length() >= 4 && lower.contains(word));
  }

  /** Whether the character at offset {@code at} of the text is code. */
  private static boolean code(LexedText lexed, int at) {
    int line = lexed.lineOf(at);
    return lexed.regionAt(line, at - lexed.lineStart(line)) == Region.CODE;
  }
}
