package dev.claimaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.PathSets;
import dev.claimaudit.rules.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective policy: how findings map to severities and what the audit looks at.
 *
 * @param rules per-rule settings by rule id
 * @param ignore globs of paths not scanned at all (the built-in ones unless the policy drops them)
 * @param blocks settings blocks of the optional checks ({@code dynamic}, {@code llm}, {@code kb}), unparsed
 * @param source where the policy was read from, for the report
 * @param digest sha-256 of the policy text, or of "" for the defaults
 * @param generated globs of generated files: not scanned for placeholders
 * @param tests globs of test files beyond the frameworks' conventions
 * @param customRules placeholder rules the policy adds to the catalog
 * @param origins where each key that is not a default was set, e.g. {@code fail-on} →
 *     {@code .claim-audit.yml:3 (base 1a2b3c4)}
 */
public record Policy(
    FailOn failOn,
    SeverityMatrix matrix,
    Map<String, RuleSetting> rules,
    List<String> ignore,
    Map<String, JsonNode> blocks,
    String source,
    String digest,
    List<String> generated,
    List<String> tests,
    List<Rule> customRules,
    KbSettings kb,
    Map<String, String> origins) {

  public static final String DEFAULT_SOURCE = "built-in defaults";

  public Policy {
    rules = Map.copyOf(rules);
    ignore = List.copyOf(ignore);
    blocks = Map.copyOf(blocks);
    generated = List.copyOf(generated);
    tests = List.copyOf(tests);
    customRules = List.copyOf(customRules);
    origins = Map.copyOf(origins);
  }

  /** A policy with only the settings that existed before path sets, custom rules and the knowledge base. */
  public Policy(FailOn failOn, SeverityMatrix matrix, Map<String, RuleSetting> rules, List<String> ignore,
      Map<String, JsonNode> blocks, String source, String digest) {
    this(failOn, matrix, rules, ignore, blocks, source, digest, List.of(), List.of(), List.of(), KbSettings.defaults(), Map.of());
  }

  public static Policy defaults() {
    return new Policy(FailOn.BLOCK, SeverityMatrix.defaults(), Map.of(), PathFilter.DEFAULT_IGNORED, Map.of(), DEFAULT_SOURCE,
        Digests.sha256(""));
  }

  public PathFilter ignoreFilter() {
    return new PathFilter(ignore);
  }

  public PathSets pathSets() {
    return new PathSets(new PathFilter(ignore), new PathFilter(generated), new PathFilter(tests));
  }

  /** Where {@code key} was set, or {@code default}. */
  public String origin(String key) {
    return origins.getOrDefault(key, "default");
  }

  /** This policy with {@code fail-on} set from the command line. */
  public Policy withFailOn(FailOn newFailOn, String origin) {
    return new Policy(newFailOn, matrix, rules, ignore, blocks, source, digest, generated, tests, customRules, kb,
        withOrigin("fail-on", origin));
  }

  /** This policy with the knowledge base's location set from the command line. */
  public Policy withKbLocation(String location, String origin) {
    return new Policy(failOn, matrix, rules, ignore, blocks, source, digest, generated, tests, customRules, kb.withLocation(location),
        withOrigin("kb.location", origin));
  }

  private Map<String, String> withOrigin(String key, String origin) {
    Map<String, String> copy = new LinkedHashMap<>(origins);
    copy.put(key, origin);
    return copy;
  }
}
