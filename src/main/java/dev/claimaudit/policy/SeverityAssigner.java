package dev.claimaudit.policy;

import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.Disclosure;
import dev.claimaudit.claims.Judgement;
import dev.claimaudit.claims.Statements;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gives every finding its final severity: the policy's rule settings, then a contradicted claim
 * (block), then the severity matrix for placeholders, then inline suppressions (info).
 */
public final class SeverityAssigner {
  private final Policy policy;
  private final Set<String> knownRules;
  private final LocalDate today;

  public SeverityAssigner(Policy policy, Set<String> knownRules, LocalDate today) {
    this.policy = policy;
    this.knownRules = knownRules;
    this.today = today;
  }

  public List<Finding> assign(List<Finding> findings, List<Claim> claims, List<ClaimResult> results) {
    return assign(findings, Statements.of(claims), results);
  }

  /**
   * Grades each finding: the policy's rule setting, then a contradicted claim (block), then, for a
   * placeholder, the severity matrix in the column of the claims whose scope holds it, capped by
   * what the code itself says of it, then inline suppressions (info).
   */
  public List<Finding> assign(List<Finding> findings, Statements statements, List<ClaimResult> results) {
    Map<Location, String> contradicting = new HashMap<>();
    for (ClaimResult result : results) {
      for (Finding evidence : result.contradictedBy()) {
        contradicting.putIfAbsent(Location.of(evidence), result.claim().id());
      }
    }
    List<Finding> assigned = new ArrayList<>();
    for (Finding finding : findings) {
      RuleSetting setting = policy.rules().get(finding.rule());
      if (setting != null && !setting.enabled()) {
        continue;
      }
      Finding graded = finding;
      String claim = contradicting.get(Location.of(finding));
      if (claim != null) {
        graded = graded.withClaim(claim).withSeverity(Severity.BLOCK);
      } else if (finding.ruleClass() != null) {
        graded = placeholder(graded, statements);
      }
      if (setting != null && setting.severity() != null) {
        graded = graded.withSeverity(setting.severity());
      }
      assigned.addAll(suppress(graded));
    }
    return assigned;
  }

  /** A placeholder graded by the matrix in its judgement's column, and by the reason its code gives. */
  private Finding placeholder(Finding finding, Statements statements) {
    Judgement judgement = statements.judge(finding.site());
    Severity severity = policy.matrix().severity(finding.ruleClass(), SeverityMatrix.Column.of(judgement.strength()));
    severity = switch (finding.reason()) {
      case NONE -> severity;
      case ADMITTED -> severity == Severity.BLOCK ? Severity.WARN : severity;
      case EXTERNAL -> Severity.INFO;
    };
    Finding graded = finding.withSeverity(severity);
    return judgement.claim() == null ? graded : graded.withClaim(judgement.claim().id());
  }

  /** The finding as its inline suppression leaves it, plus a warning when the suppression is not valid. */
  private List<Finding> suppress(Finding finding) {
    Suppression suppression = finding.suppression();
    if (suppression == null) {
      return List.of(finding);
    }
    if (suppression.rule() != null && !knownRules.contains(suppression.rule())) {
      return List.of(finding.withSuppression(null),
          problem(finding, "suppression names unknown rule `" + suppression.rule() + "`, so it suppresses nothing"));
    }
    if (suppression.rule() != null && !suppression.rule().equals(finding.rule())) {
      return List.of(finding.withSuppression(null));
    }
    if (suppression.until() != null && suppression.until().isBefore(today)) {
      String when = suppression.until().equals(LocalDate.MIN) ? "has an unreadable until= date" : "expired on " + suppression.until();
      return List.of(finding.withSuppression(null), problem(finding, "suppression " + when + ", so it suppresses nothing"));
    }
    Finding suppressed = finding.withSeverity(Severity.INFO);
    if (suppression.reason().isBlank()) {
      return List.of(suppressed, problem(finding, "suppression gives no reason; write one after `claim-audit: allow`"));
    }
    return List.of(suppressed);
  }

  private static Finding problem(Finding finding, String message) {
    return Finding.builder("suppression-invalid", "policy")
        .severity(Severity.WARN)
        .at(finding.path(), finding.suppression().line())
        .message(message)
        .build();
  }

  private record Location(String path, Integer line, String rule) {
    static Location of(Finding finding) {
      return new Location(finding.path(), finding.line(), Objects.requireNonNull(finding.rule()));
    }
  }
}
