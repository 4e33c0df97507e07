package dev.claimaudit.policy;

import dev.claimaudit.checks.Severity;

/**
 * A policy's word on one rule.
 *
 * @param severity a fixed severity that replaces the matrix, or {@code null}
 */
public record RuleSetting(boolean enabled, Severity severity) {}
