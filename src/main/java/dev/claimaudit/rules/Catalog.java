package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The placeholder rules in catalog order, indexed by language. */
public final class Catalog {
  private final List<Rule> rules;
  private final String version;
  private final Map<Language, List<Rule>> byLanguage = new EnumMap<>(Language.class);

  public Catalog(List<Rule> rules, String version) {
    this.rules = List.copyOf(rules);
    this.version = version;
    for (Language language : Language.values()) {
      List<Rule> forLanguage = new ArrayList<>();
      for (Rule rule : this.rules) {
        if (rule.languages().contains(language)) {
          forLanguage.add(rule);
        }
      }
      byLanguage.put(language, List.copyOf(forLanguage));
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  /** A digest of the rule data, recorded in every verdict. */
  public String version() {
    return version;
  }

  public List<Rule> rulesFor(Language language) {
    return byLanguage.get(language);
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** This catalog with {@code extra} rules after its own (user rules from the policy). */
  public Catalog with(List<Rule> extra, String extraVersion) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(extra);
    return new Catalog(all, extra.isEmpty() ? version : version + "+" + extraVersion);
  }
}
