package dev.claimaudit.checks;

import java.util.Set;

/**
 * One unit of the audit with one job. A check that cannot do its job throws: "could not check"
 * is reported as a check failure, never as a finding.
 */
public interface Check {

  /** Short id shown in reports: {@code static}, {@code claims}, {@code dynamic}, {@code llm}, {@code kb}. */
  String name();

  /** One sentence saying what the check does. */
  String summary();

  /** Whether the check runs in this audit; a disabled check is reported as skipped with {@link #skipReason}. */
  default boolean enabled(AuditContext context) {
    return true;
  }

  default String skipReason(AuditContext context) {
    return "disabled";
  }

  /**
   * Ids of the findings this check reports that are not catalog rules, so that a policy may set
   * their severity or turn them off.
   */
  default Set<String> findingIds() {
    return Set.of();
  }

  CheckOutcome run(AuditContext context) throws Exception;
}
