package dev.claimaudit.checks;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
   * The findings this check reports that are not catalog rules, each declared once here: every id
   * the check can emit must be among them (an audit that meets an undeclared id fails), so that
   * {@code audit explain} answers for it and a policy may set its severity or turn it off.
   */
  default List<FindingType> findingTypes() {
    return List.of();
  }

  /** The ids of {@link #findingTypes()}. */
  default Set<String> findingIds() {
    return findingTypes().stream().map(FindingType::id).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Throws {@link SettingsException} when this check's block of the policy is invalid, whether or
   * not the check would run: {@code audit config} calls it, so it refuses what an audit refuses.
   */
  default void validateSettings(CheckSettings settings) {}

  CheckOutcome run(AuditContext context) throws Exception;
}
