package dev.claimaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.lang.Language;
import dev.claimaudit.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The effective value of every policy key and where it came from, as {@code audit config} shows them. */
public final class EffectiveSettings {
  /** One key: its value (text, list or mapping) and its origin ({@code default}, {@code file:line …}, {@code --option}). */
  public record Setting(String key, JsonNode value, String origin) {}

  private EffectiveSettings() {}

  public static List<Setting> of(Policy policy) {
    List<Setting> settings = new ArrayList<>();
    settings.add(new Setting("fail-on", text(policy.failOn().id()), policy.origin("fail-on")));
    for (RuleClass ruleClass : RuleClass.values()) {
      for (SeverityMatrix.Column column : SeverityMatrix.Column.values()) {
        String key = "matrix." + ruleClass.id() + "." + column.id();
        settings.add(new Setting(key, text(policy.matrix().severity(ruleClass, column).id()), policy.origin(key)));
      }
    }
    for (Map.Entry<String, RuleSetting> rule : new TreeMap<>(policy.rules()).entrySet()) {
      String key = "rules." + rule.getKey();
      RuleSetting setting = rule.getValue();
      String value = !setting.enabled() ? "off" : setting.severity() == null ? "on" : setting.severity().id();
      String origin = policy.origins().getOrDefault(key,
          policy.origins().getOrDefault(key + ".enabled", policy.origins().getOrDefault(key + ".severity", "default")));
      settings.add(new Setting(key, text(value), origin));
    }
    boolean defaultIgnore = policy.ignore().containsAll(PathFilter.DEFAULT_IGNORED);
    String ignoreOrigin = policy.origins().containsKey("paths.ignore")
        ? (defaultIgnore ? "default + " : "") + policy.origin("paths.ignore")
        : defaultIgnore ? "default" : policy.origin("paths.default-ignore");
    settings.add(new Setting("paths.ignore", list(policy.ignore()), ignoreOrigin));
    settings.add(new Setting("paths.tests", list(policy.tests()), policy.origin("paths.tests")));
    settings.add(new Setting("paths.generated", list(policy.generated()), policy.origin("paths.generated")));
    for (Rule rule : policy.customRules()) {
      String value = rule.ruleClass().id() + " in " + rule.languages().stream().map(Language::id).collect(Collectors.joining(", "))
          + ": " + rule.title();
      settings.add(new Setting("custom-rules." + rule.id(), text(value), policy.origin("custom-rules." + rule.id())));
    }
    KbSettings kb = policy.kb();
    settings.add(new Setting("kb.location", kb.location() == null ? JsonNodeFactory.instance.nullNode() : text(kb.location()),
        policy.origin("kb.location")));
    settings.add(new Setting("kb.escalation.info", threshold(kb.info()), policy.origin("kb.escalation.info")));
    settings.add(new Setting("kb.escalation.warn", threshold(kb.warn()), policy.origin("kb.escalation.warn")));
    settings.add(new Setting("kb.escalation.block", threshold(kb.block()), policy.origin("kb.escalation.block")));
    for (String block : List.of("dynamic", "llm")) {
      JsonNode value = policy.blocks().get(block);
      settings.add(new Setting(block, value == null ? JsonNodeFactory.instance.nullNode() : value, policy.origin(block)));
    }
    return settings;
  }

  private static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }

  private static JsonNode threshold(int value) {
    return value == KbSettings.NEVER ? text("never") : JsonNodeFactory.instance.numberNode(value);
  }

  private static JsonNode list(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
