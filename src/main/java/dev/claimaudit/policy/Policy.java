package dev.claimaudit.policy;

import dev.claimaudit.checks.PathFilter;
import java.util.List;
import java.util.Map;

/**
 * The effective policy: how findings map to severities and what the audit looks at.
 *
 * @param rules per-rule settings by rule id
 * @param ignore globs of paths not scanned at all
 * @param source where the policy was read from, for the report
 * @param digest sha-256 of the policy text, or of "" for the defaults
 */
public record Policy(
    FailOn failOn, SeverityMatrix matrix, Map<String, RuleSetting> rules, List<String> ignore, String source, String digest) {

  public static Policy defaults() {
    return new Policy(FailOn.BLOCK, SeverityMatrix.defaults(), Map.of(), PathFilter.DEFAULT_IGNORED, "built-in defaults", Digests.sha256(""));
  }

  public PathFilter ignoreFilter() {
    return new PathFilter(ignore);
  }
}
