package dev.claimaudit.checks;

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

  CheckOutcome run(AuditContext context) throws Exception;
}
