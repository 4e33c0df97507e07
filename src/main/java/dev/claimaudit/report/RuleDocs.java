package dev.claimaudit.report;

import dev.claimaudit.checks.FindingType;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rule metadata for reports: the placeholder catalog's titles and rationales, plus the declared
 * findings that do not come from the catalog (contradicted claims, invalid suppressions, …). The
 * catalog is read on first use, so formats that never ask for it cost nothing.
 */
public final class RuleDocs {
  private final Map<String, RuleDoc> own = new HashMap<>();
  private final Supplier<Catalog> catalogSource;
  private Catalog catalog;

  private RuleDocs(Supplier<Catalog> catalogSource, List<FindingType> types) {
    this.catalogSource = catalogSource;
    for (FindingType type : types) {
      own.put(type.id(), new RuleDoc(type.id(), type.title(), type.rationale(), null));
    }
  }

  /** Docs backed by the built-in catalog alone. */
  public static RuleDocs builtIn() {
    return builtIn(List.of());
  }

  /** Docs backed by the built-in catalog and the declared {@code types}. */
  public static RuleDocs builtIn(List<FindingType> types) {
    return new RuleDocs(() -> new CatalogLoader().builtIn(), types);
  }

  /** Docs backed by {@code catalog} and the declared {@code types}. */
  public static RuleDocs of(Catalog catalog, List<FindingType> types) {
    return new RuleDocs(() -> catalog, types);
  }

  /** The doc of {@code ruleId}; a rule nobody describes gets its id as its title. */
  public synchronized RuleDoc describe(String ruleId) {
    RuleDoc declared = own.get(ruleId);
    if (declared != null) {
      return declared;
    }
    if (catalog == null) {
      catalog = catalogSource.get();
    }
    Optional<Rule> rule = catalog.rule(ruleId);
    return rule.map(found -> new RuleDoc(found.id(), found.title(), found.rationale(), found.ruleClass().id()))
        .orElseGet(() -> new RuleDoc(ruleId, ruleId, "", null));
  }
}
