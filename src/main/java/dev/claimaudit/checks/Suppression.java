package dev.claimaudit.checks;

import java.time.LocalDate;

/**
 * An inline {@code claim-audit: allow(rule) reason until=YYYY-MM-DD} that covers a finding.
 *
 * @param rule the rule it names, or {@code null} when it covers any rule
 * @param reason the author's reason; blank when none was given
 * @param until the date after which it no longer applies, or {@code null}
 * @param line the line the directive is written on
 *     <p>Only a directive that names the finding's rule (or no rule) and gives a reason of a few words
 *     suppresses it ({@link #covers}, {@link #reasoned}); one for another rule leaves the finding as it
 *     is, and one without a real reason is reported as invalid.
 */
public record Suppression(String rule, String reason, LocalDate until, int line) {
  /** Fewest words, and letters in all, a reason must have to count as one. */
  public static final int MIN_REASON_WORDS = 2;
  public static final int MIN_REASON_LETTERS = 5;

  /** Whether it covers a finding of {@code ruleId}: it names that rule, or no rule at all; one that names another covers nothing. */
  public boolean covers(String ruleId) {
    return rule == null || rule.equals(ruleId);
  }

  /** Whether its reason says something: a few words, not one letter or a lone word. */
  public boolean reasoned() {
    int words = 0;
    int letters = 0;
    for (String word : reason.split("\\s+")) {
      int inWord = (int) word.chars().filter(Character::isLetter).count();
      words += inWord > 0 ? 1 : 0;
      letters += inWord;
    }
    return words >= MIN_REASON_WORDS && letters >= MIN_REASON_LETTERS;
  }
}
