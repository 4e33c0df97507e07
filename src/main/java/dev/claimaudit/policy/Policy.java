package dev.claimaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.PathFilter;
import java.util.List;
import java.util.Map;

/**
 * The effective policy: how findings map to severities and what the audit looks at.
 *
 * @param rules per-rule settings by rule id
 * @param ignore globs of paths not scanned at all
 * @param blocks settings blocks of the optional checks ({@code dynamic}, {@code llm}, {@code kb}), unparsed
 * @param source where the policy was read from, for the report
 * @param digest sha-256 of the policy text, or of "" for the defaults
 */
public record Policy(
    FailOn failOn,
    SeverityMatrix matrix,
    Map<String, RuleSetting> rules,
    List<String> ignore,
    Map<String, JsonNode> blocks,
    String source,
    String digest) {

  public static Policy defaults() {
    return new Policy(FailOn.BLOCK, SeverityMatrix.defaults(), Map.of(), PathFilter.DEFAULT_IGNORED, Map.of(), "built-in defaults",
        Digests.sha256(""));
  }

  public PathFilter ignoreFilter() {
    return new PathFilter(ignore);
  }
}
