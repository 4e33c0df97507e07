package dev.claimaudit.checks;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a check found. Placeholder findings carry a {@link RuleClass} and get their final
 * severity from the policy; other checks set the severity themselves.
 *
 * @param rule rule or finding id, e.g. {@code rs-todo-macro} or {@code claim-file-missing}
 * @param ruleClass the placeholder class, or {@code null} for findings that are not placeholders
 * @param check the check that produced it
 * @param path repository-relative path, or {@code null} when the finding is about no one file
 * @param line 1-based line at head, or {@code null}
 * @param snippet the offending line as written, or {@code null}
 * @param claim id of the claim this finding contradicts, or {@code null}
 * @param suppression the inline suppression that covers it, or {@code null}
 */
public record Finding(
    String rule,
    RuleClass ruleClass,
    Severity severity,
    String check,
    String path,
    Integer line,
    String message,
    String snippet,
    String claim,
    Suppression suppression) {

  /** The one order in which findings are reported: path, line, rule, message. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::path, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparing(Finding::line, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
  }

  public boolean suppressed() {
    return suppression != null;
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, ruleClass, newSeverity, check, path, line, message, snippet, claim, suppression);
  }

  public Finding withClaim(String claimId) {
    return new Finding(rule, ruleClass, severity, check, path, line, message, snippet, claimId, suppression);
  }

  public Finding withSuppression(Suppression newSuppression) {
    return new Finding(rule, ruleClass, severity, check, path, line, message, snippet, claim, newSuppression);
  }
}
