package dev.claimaudit.checks;

import java.time.LocalDate;

/**
 * An inline {@code claim-audit: allow(rule) reason until=YYYY-MM-DD} that covers a finding.
 *
 * @param rule the rule it names, or {@code null} when it covers any rule
 * @param reason the author's reason; blank when none was given
 * @param until the date after which it no longer applies, or {@code null}
 * @param line the line the directive is written on
 */
public record Suppression(String rule, String reason, LocalDate until, int line) {}
