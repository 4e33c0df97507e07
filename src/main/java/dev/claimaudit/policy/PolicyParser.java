package dev.claimaudit.policy;

import dev.claimaudit.text.MatchBudget;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogException;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.checks.placeholder.RuleExamples;
import dev.claimaudit.text.Texts;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .claim-audit.yml} into a {@link Policy}. Every key is known, every value has the
 * type it must have, every glob and pattern compiles, and every custom rule passes its own
 * examples; otherwise a {@link PolicyException} names the file, the line and the key.
 */
public final class PolicyParser {
  /** The top-level keys, in the order {@code audit config} shows them. */
  public static final List<String> KEYS = List.of("version", "fail-on", "rules", "matrix", "paths", "custom-rules", "kb", "dynamic", "llm");

  private static final int MAX_CUSTOM_RULES = 100;
  private static final int MAX_PATTERN_CHARS = 2_000;
  private static final int MAX_GLOBS = 500;
  private static final int MAX_GLOB_CHARS = 500;
  private static final int MAX_ESCALATION = 100_000;
  private static final Pattern CATALOG_PROBLEM = Pattern.compile("^custom-rules: rule (?:`[^`]*`|#\\d+): (?:unknown field `([^`]{1,80})`|([a-zA-Z]+))");
  private static final Set<String> RULE_FIELDS = Set.of(
      "id", "languages", "class", "in", "pattern", "keywords", "scope", "title", "rationale", "match", "noMatch");

  private final Catalog builtIn;
  private final Set<String> findingIds;

  /**
   * @param builtIn the built-in catalog: custom rules may not reuse its ids
   * @param findingIds ids of findings that are not catalog rules, which {@code rules:} may configure too
   */
  public PolicyParser(Catalog builtIn, Set<String> findingIds) {
    this.builtIn = builtIn;
    this.findingIds = Set.copyOf(findingIds);
  }

  public Policy parse(PolicyText source) {
    YamlDocument document = YamlDocument.parse(source.text(), (line, key, problem) -> error(source, line, key, problem));
    return new Reading(source, document).policy();
  }

  static PolicyException error(PolicyText source, int line, String key, String problem) {
    return new PolicyException("invalid policy " + source.at(line) + ": " + (key.isEmpty() ? "" : key + ": ") + problem, line);
  }

  /** One pass over one document. */
  private final class Reading {
    private final PolicyText source;
    private final YamlDocument document;
    private final Map<String, String> origins = new LinkedHashMap<>();

    Reading(PolicyText source, YamlDocument document) {
      this.source = source;
      this.document = document;
    }

    Policy policy() {
      JsonNode root = document.root();
      Policy defaults = Policy.defaults();
      String digest = Digests.sha256(source.text());
      if (root.isMissingNode() || root.isNull()) {
        return new Policy(defaults.failOn(), defaults.matrix(), Map.of(), defaults.ignore(), Map.of(), source.describe(), digest,
            List.of(), List.of(), List.of(), KbSettings.defaults(), Map.of());
      }
      if (!root.isObject()) {
        throw error("", "the policy must be a mapping with keys such as fail-on, rules, matrix, paths");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!KEYS.contains(name)) {
          throw error(name, "unknown key" + suggestion(name, KEYS) + "; the keys are " + String.join(", ", KEYS));
        }
      }
      version(root.get("version"));
      FailOn failOn = root.has("fail-on") ? failOn(root.get("fail-on")) : defaults.failOn();
      List<Rule> customRules = customRules(root.get("custom-rules"));
      Map<String, RuleSetting> rules = rules(root.get("rules"), customRules);
      SeverityMatrix matrix = matrix(root.get("matrix"), defaults.matrix());
      JsonNode paths = object(root.get("paths"), "paths", Set.of("ignore", "tests", "generated", "default-ignore"));
      List<String> ignore = new ArrayList<>();
      if (bool(paths.get("default-ignore"), "paths.default-ignore", true)) {
        ignore.addAll(PathFilter.DEFAULT_IGNORED);
      }
      ignore.addAll(globs(paths.get("ignore"), "paths.ignore"));
      List<String> tests = globs(paths.get("tests"), "paths.tests");
      List<String> generated = globs(paths.get("generated"), "paths.generated");
      KbSettings kb = kb(root.get("kb"));
      Map<String, JsonNode> blocks = new LinkedHashMap<>();
      for (String key : List.of("dynamic", "llm", "kb")) {
        JsonNode block = root.get(key);
        if (block == null || block.isNull()) {
          continue;
        }
        if (!block.isObject()) {
          throw error(key, "must be a mapping of settings");
        }
        blocks.put(key, block);
        origins.put(key, at(key));
      }
      return new Policy(failOn, matrix, rules, ignore, blocks, source.describe(), digest, generated, tests, customRules, kb, origins);
    }

    private void version(JsonNode node) {
      if (node == null) {
        return;
      }
      if (!node.isIntegralNumber() || node.asInt() != 1 || !node.canConvertToInt()) {
        throw error("version", "must be 1, the only policy version, got " + shown(node));
      }
      origins.put("version", at("version"));
    }

    private FailOn failOn(JsonNode node) {
      String text = word(node, "fail-on", List.of("block", "warn", "never"));
      origins.put("fail-on", at("fail-on"));
      return FailOn.parse(text);
    }

    private List<Rule> customRules(JsonNode node) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw error("custom-rules", "must be a list of rules, each in the catalog's schema (id, languages, class, in, pattern, keywords, title, rationale, match, noMatch)");
      }
      if (node.size() > MAX_CUSTOM_RULES) {
        throw error("custom-rules", "at most " + MAX_CUSTOM_RULES + " custom rules, got " + node.size());
      }
      MatchBudget budget = MatchBudget.forPolicy();
      Set<String> taken = new HashSet<>();
      builtIn.rules().forEach(rule -> taken.add(rule.id()));
      taken.addAll(findingIds);
      List<Rule> rules = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        String key = "custom-rules[" + i + "]";
        JsonNode item = node.get(i);
        JsonNode pattern = item.get("pattern");
        if (pattern != null && pattern.isTextual() && pattern.asText().length() > MAX_PATTERN_CHARS) {
          throw error(key + ".pattern", "longer than " + MAX_PATTERN_CHARS + " characters");
        }
        Rule rule;
        try {
          rule = new CatalogLoader().rule("custom-rules", i, item, taken);
        } catch (CatalogException e) {
          throw error(key + catalogField(e.getMessage()), e.getMessage().replaceFirst("^custom-rules: ", ""));
        }
        Optional<String> problem = RuleExamples.problem(rule, budget);
        if (problem.isPresent()) {
          String field = problem.get().startsWith("match:") ? ".match" : problem.get().startsWith("noMatch:") ? ".noMatch" : ".pattern";
          throw error(key + field, "rule `" + rule.id() + "`: " + problem.get());
        }
        origins.put("custom-rules." + rule.id(), at(key));
        rules.add(rule);
      }
      return rules;
    }

    private Map<String, RuleSetting> rules(JsonNode node, List<Rule> customRules) {
      Map<String, RuleSetting> rules = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return rules;
      }
      if (!node.isObject()) {
        throw error("rules", "must be a mapping from rule id to a severity, off, or {severity, enabled}");
      }
      Set<String> known = new TreeSet<>(findingIds);
      builtIn.rules().forEach(rule -> known.add(rule.id()));
      customRules.forEach(rule -> known.add(rule.id()));
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String id = field.getKey();
        String key = "rules." + id;
        if (!known.contains(id)) {
          throw error(key, "unknown rule `" + id + "`" + suggestion(id, known) + " (not in the catalog, not a custom rule, not a finding of any check)");
        }
        JsonNode value = field.getValue();
        RuleSetting setting;
        if (value.isBoolean()) {
          // YAML reads a bare `off` or `no` as false, and `on` or `yes` as true.
          setting = new RuleSetting(value.asBoolean(), null);
          origins.put(key, at(key));
        } else if (value.isTextual()) {
          String word = word(value, key, List.of("info", "warn", "block", "off"));
          setting = word.equals("off") ? new RuleSetting(false, null) : new RuleSetting(true, Severity.parse(word));
          origins.put(key, at(key));
        } else if (value.isObject()) {
          JsonNode body = object(value, key, Set.of("severity", "enabled"));
          boolean enabled = bool(body.get("enabled"), key + ".enabled", true);
          Severity severity = body.has("severity") && !body.get("severity").isNull()
              ? Severity.parse(word(body.get("severity"), key + ".severity", List.of("info", "warn", "block"))) : null;
          setting = new RuleSetting(enabled, severity);
          if (body.has("enabled")) {
            origins.put(key + ".enabled", at(key + ".enabled"));
          }
          if (severity != null) {
            origins.put(key + ".severity", at(key + ".severity"));
          }
        } else {
          throw error(key, "must be info, warn, block, off, or a mapping {severity, enabled}, got " + shown(value));
        }
        rules.put(id, setting);
      }
      return rules;
    }

    private SeverityMatrix matrix(JsonNode node, SeverityMatrix matrix) {
      List<String> classes = Arrays.stream(RuleClass.values()).map(RuleClass::id).toList();
      List<String> columns = Arrays.stream(SeverityMatrix.Column.values()).map(SeverityMatrix.Column::id).toList();
      JsonNode body = object(node, "matrix", new LinkedHashSet<>(classes));
      SeverityMatrix result = matrix;
      for (Map.Entry<String, JsonNode> row : body.properties()) {
        String rowKey = "matrix." + row.getKey();
        JsonNode cells = object(row.getValue(), rowKey, new LinkedHashSet<>(columns));
        for (Map.Entry<String, JsonNode> cell : cells.properties()) {
          String key = rowKey + "." + cell.getKey();
          Severity severity = Severity.parse(word(cell.getValue(), key, List.of("info", "warn", "block")));
          result = result.with(RuleClass.parse(row.getKey()), SeverityMatrix.Column.valueOf(cell.getKey().toUpperCase(Locale.ROOT)), severity);
          origins.put(key, at(key));
        }
      }
      return result;
    }

    private List<String> globs(JsonNode node, String key) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw error(key, "must be a list of globs such as \"docs/**\" or \"**/*.pb.go\"");
      }
      if (node.size() > MAX_GLOBS) {
        throw error(key, "at most " + MAX_GLOBS + " globs, got " + node.size());
      }
      List<String> globs = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        String itemKey = key + "[" + i + "]";
        JsonNode item = node.get(i);
        if (!item.isTextual() || item.asText().isBlank()) {
          throw error(itemKey, "must be a non-empty glob string, got " + shown(item));
        }
        globs.addAll(glob(item.asText(), itemKey));
      }
      origins.put(key, at(key));
      return globs;
    }

    /** The glob as written plus, for {@code **}{@code /x}, the form that also matches {@code x} at the top level. */
    private List<String> glob(String written, String key) {
      if (written.length() > MAX_GLOB_CHARS || written.indexOf('\0') >= 0 || written.indexOf('\\') >= 0) {
        throw error(key, "not a usable glob (longer than " + MAX_GLOB_CHARS + " characters, or holds a backslash or NUL): " + shown(written));
      }
      String glob = written.strip();
      while (glob.startsWith("./")) {
        glob = glob.substring(2);
      }
      if (glob.startsWith("/")) {
        glob = glob.substring(1);
      }
      if (glob.endsWith("/")) {
        glob = glob + "**";
      }
      if (glob.isEmpty()) {
        throw error(key, "the glob matches nothing: " + shown(written));
      }
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (IllegalArgumentException e) {
        String reason = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        throw error(key, "bad glob " + shown(written) + reason);
      }
      List<String> globs = new ArrayList<>();
      globs.add(glob);
      if (glob.startsWith("**/") && glob.length() > 3) {
        globs.add(glob.substring(3));
      }
      return globs;
    }

    private KbSettings kb(JsonNode node) {
      JsonNode body = object(node, "kb", Set.of("path", "ref", "escalation"));
      KbSettings defaults = KbSettings.defaults();
      String location = null;
      if (body.has("path") && body.has("ref")) {
        throw error("kb.ref", "give kb.path (a directory) or kb.ref (a git ref), not both");
      }
      if (body.has("path")) {
        location = text(body.get("path"), "kb.path");
        if (location.startsWith("git:")) {
          throw error("kb.path", "a ref goes in kb.ref, without the git: prefix");
        }
        origins.put("kb.location", at("kb.path"));
      } else if (body.has("ref")) {
        String ref = text(body.get("ref"), "kb.ref");
        if (!ref.startsWith("refs/") || ref.contains("..") || ref.endsWith("/") || ref.endsWith(".lock") || !ref.matches("[A-Za-z0-9._/-]+")) {
          throw error("kb.ref", "must be a ref name under refs/, such as refs/claim-audit/kb, got " + shown(ref));
        }
        location = "git:" + ref;
        origins.put("kb.location", at("kb.ref"));
      }
      JsonNode escalation = object(body.get("escalation"), "kb.escalation", new LinkedHashSet<>(List.of("info", "warn", "block")));
      int info = threshold(escalation.get("info"), "kb.escalation.info", defaults.info());
      int warn = threshold(escalation.get("warn"), "kb.escalation.warn", defaults.warn());
      int block = threshold(escalation.get("block"), "kb.escalation.block", defaults.block());
      if (info > warn && warn != KbSettings.NEVER || warn > block && block != KbSettings.NEVER || info > block && block != KbSettings.NEVER) {
        throw error("kb.escalation", "thresholds must not decrease from info to warn to block, got info " + shown(info)
            + ", warn " + shown(warn) + ", block " + shown(block));
      }
      return new KbSettings(location, info, warn, block);
    }

    private int threshold(JsonNode node, String key, int fallback) {
      if (node == null) {
        return fallback;
      }
      origins.put(key, at(key));
      if (node.isTextual() && node.asText().equals("never")) {
        return KbSettings.NEVER;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 2 || node.asInt() > MAX_ESCALATION) {
        throw error(key, "must be a number of pull requests from 2 to " + MAX_ESCALATION + ", or never; got " + shown(node));
      }
      return node.asInt();
    }

    /** A mapping with only {@code allowed} keys, or an empty one when absent. */
    private JsonNode object(JsonNode node, String key, Set<String> allowed) {
      if (node == null || node.isNull()) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw error(key, "must be a mapping with keys " + String.join(", ", allowed) + "; got " + shown(node));
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw error(key + "." + name, "unknown key" + suggestion(name, allowed) + "; " + key + " takes " + String.join(", ", allowed));
        }
      }
      return node;
    }

    private String word(JsonNode node, String key, List<String> allowed) {
      if (node == null || !node.isTextual() || !allowed.contains(node.asText().strip().toLowerCase(Locale.ROOT))) {
        throw error(key, "must be " + oneOf(allowed) + ", got " + shown(node));
      }
      return node.asText().strip().toLowerCase(Locale.ROOT);
    }

    private boolean bool(JsonNode node, String key, boolean fallback) {
      if (node == null) {
        return fallback;
      }
      if (!node.isBoolean()) {
        throw error(key, "must be true or false, got " + shown(node));
      }
      origins.put(key, at(key));
      return node.asBoolean();
    }

    private String text(JsonNode node, String key) {
      if (node == null || !node.isTextual() || node.asText().isBlank()) {
        throw error(key, "must be a non-empty string, got " + shown(node));
      }
      if (node.asText().indexOf('\0') >= 0 || node.asText().length() > 4096) {
        throw error(key, "not a usable value (NUL or longer than 4096 characters)");
      }
      return node.asText().strip();
    }

    private String at(String key) {
      return source.at(document.line(key));
    }

    private PolicyException error(String key, String problem) {
      return PolicyParser.error(source, document.line(key), key, problem);
    }
  }

  /** The field a catalog error is about, as {@code .field}, so the error points at its line. */
  private static String catalogField(String message) {
    Matcher matcher = CATALOG_PROBLEM.matcher(message);
    if (!matcher.find()) {
      return "";
    }
    if (matcher.group(1) != null) {
      return "." + matcher.group(1);
    }
    return RULE_FIELDS.contains(matcher.group(2)) ? "." + matcher.group(2) : "";
  }

  private static String oneOf(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  private static String shown(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Integer number) {
      return number == KbSettings.NEVER ? "never" : number.toString();
    }
    if (value instanceof JsonNode node) {
      if (node.isTextual()) {
        return shown(node.asText());
      }
      if (node.isObject()) {
        return "a mapping";
      }
      if (node.isArray()) {
        return "a list";
      }
      return node.isNull() ? "nothing" : node.toString();
    }
    String text = value.toString();
    if (text.isEmpty()) {
      return "nothing";
    }
    return "\"" + Texts.truncate(text, 80) + "\"";
  }

  /** "; did you mean `x`?" for a key within two edits of a known one. */
  private static String suggestion(String given, Iterable<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : known) {
      int distance = distance(given.toLowerCase(Locale.ROOT), candidate, bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best == null ? "" : " (did you mean `" + best + "`?)";
  }

  private static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit || a.length() > 100 || b.length() > 100) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
