package dev.claimaudit.checks;

import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.claims.Disclosure;
import dev.claimaudit.claims.Site;
import java.util.Comparator;
import java.util.List;
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
 * @param symbol the function, method, class or test the finding sits in, outermost first and
 *     joined by {@link #SYMBOL_SEPARATOR}, or {@code null} when it sits in none or the check does not know
 * @param reason what the code around a placeholder says of it, {@link CodeReason#NONE} when nothing
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
    Suppression suppression,
    String symbol,
    CodeReason reason) {

  /** Between the names of {@link #symbol()}: a test's description may hold dots. */
  public static final String SYMBOL_SEPARATOR = " › ";

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
    reason = reason == null ? CodeReason.NONE : reason;
  }

  /** A finding of {@code rule}, reported by {@code check}, with everything else to be said. */
  public static Builder builder(String rule, String check) {
    return new Builder(rule, check);
  }

  /** Where a placeholder finding sits, as the claims see it; {@code null} for a finding that is not a placeholder. */
  public Site site() {
    if (ruleClass == null) {
      return null;
    }
    List<String> symbols = symbol == null ? List.of() : List.of(symbol.split(SYMBOL_SEPARATOR));
    boolean focus = ruleClass == RuleClass.TEST_EVASION && rule.contains("focused");
    return new Site(path == null ? "" : path, symbols, Disclosure.valueOf(ruleClass.name()), focus);
  }

  public boolean suppressed() {
    return suppression != null;
  }

  public Finding withSeverity(Severity newSeverity) {
    return toBuilder().severity(newSeverity).build();
  }

  public Finding withClaim(String claimId) {
    return toBuilder().claim(claimId).build();
  }

  public Finding withSuppression(Suppression newSuppression) {
    return toBuilder().suppression(newSuppression).build();
  }

  public Builder toBuilder() {
    return new Builder(rule, check).ruleClass(ruleClass).severity(severity).at(path, line).message(message).snippet(snippet)
        .claim(claim).suppression(suppression).symbol(symbol).reason(reason);
  }

  /** Names each part of a finding as it is set; {@code rule}, {@code check}, a severity and a message are required. */
  public static final class Builder {
    private final String rule;
    private final String check;
    private RuleClass ruleClass;
    private Severity severity;
    private String path;
    private Integer line;
    private String message;
    private String snippet;
    private String claim;
    private Suppression suppression;
    private String symbol;
    private CodeReason reason = CodeReason.NONE;

    private Builder(String rule, String check) {
      this.rule = rule;
      this.check = check;
    }

    public Builder ruleClass(RuleClass value) {
      ruleClass = value;
      return this;
    }

    public Builder severity(Severity value) {
      severity = value;
      return this;
    }

    /** The file and line the finding is about; either may be {@code null}. */
    public Builder at(String filePath, Integer lineNumber) {
      path = filePath;
      line = lineNumber;
      return this;
    }

    public Builder message(String value) {
      message = value;
      return this;
    }

    public Builder snippet(String value) {
      snippet = value;
      return this;
    }

    public Builder claim(String claimId) {
      claim = claimId;
      return this;
    }

    public Builder suppression(Suppression value) {
      suppression = value;
      return this;
    }

    public Builder symbol(String value) {
      symbol = value;
      return this;
    }

    public Builder reason(CodeReason value) {
      reason = value;
      return this;
    }

    public Finding build() {
      return new Finding(rule, ruleClass, severity, check, path, line, message, snippet, claim, suppression, symbol, reason);
    }
  }
}
