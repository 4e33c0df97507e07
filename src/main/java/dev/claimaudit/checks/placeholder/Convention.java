package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Region;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.BoundedCharSequence;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a skip marker on a new test follows the convention of its file: most of the tests the
 * file already had carry the same marker (tests kept out of the default run and started by a
 * harness, such as Rust's {@code #[ignore]}d cross-language tests). Such a marker is how the file
 * runs its tests, not a test switched off by the change.
 */
final class Convention {
  /** Fewest existing tests for a file to have a convention. */
  static final int MIN_TESTS = 3;

  private final Language language;
  private final LexedText lexed;
  private final BitSet added;
  private final Map<String, Boolean> byRule = new HashMap<>();

  /** {@code added} are the lines of {@code lexed} that the change adds; the others were there before. */
  Convention(Language language, LexedText lexed, BitSet added) {
    this.language = language;
    this.lexed = lexed;
    this.added = added;
  }

  /** Whether at least half the tests the file had before the change carry a marker of {@code rule}. */
  boolean followedBy(Rule rule) {
    return byRule.computeIfAbsent(rule.id(), id -> count(rule));
  }

  private boolean count(Rule rule) {
    Optional<Pattern> declaration = TestCounter.declaration(language);
    if (declaration.isEmpty()) {
      return false;
    }
    int tests = 0;
    int marked = 0;
    for (int line = 1; line <= lexed.lineCount(); line++) {
      if (added.get(line)) {
        continue;
      }
      String text = lexed.line(line);
      tests += inCode(declaration.get(), line, text) ? 1 : 0;
      marked += inCode(rule.pattern(), line, text) ? 1 : 0;
    }
    return tests >= MIN_TESTS && 2 * marked >= tests;
  }

  private boolean inCode(Pattern pattern, int line, String text) {
    if (text.length() > PlaceholderScanner.MAX_LINE) {
      return false;
    }
    try {
      Matcher matcher = pattern.matcher(new BoundedCharSequence(text));
      while (matcher.find()) {
        int at = matcher.start();
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
        if (at < text.length() && lexed.regionAt(line, at) == Region.CODE) {
          return true;
        }
      }
    } catch (BoundedCharSequence.BudgetExceeded | StackOverflowError e) {
      return false;
    }
    return false;
  }
}
