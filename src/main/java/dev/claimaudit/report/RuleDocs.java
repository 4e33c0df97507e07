package dev.claimaudit.report;

import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.claims.ClaimKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rule metadata for reports: the placeholder catalog's titles and rationales, plus the findings
 * that do not come from the catalog (contradicted claims, invalid suppressions). The catalog is
 * read on first use, so formats that never ask for it cost nothing.
 */
public final class RuleDocs {
  private static final Map<String, RuleDoc> OWN = ownRules();

  private final Supplier<Catalog> catalogSource;
  private Catalog catalog;

  private RuleDocs(Supplier<Catalog> catalogSource) {
    this.catalogSource = catalogSource;
  }

  /** Docs backed by the built-in catalog. */
  public static RuleDocs builtIn() {
    return new RuleDocs(() -> new CatalogLoader().builtIn());
  }

  /** Docs backed by {@code catalog}. */
  public static RuleDocs of(Catalog catalog) {
    return new RuleDocs(() -> catalog);
  }

  /** The doc of {@code ruleId}; a rule nobody describes gets its id as its title. */
  public synchronized RuleDoc describe(String ruleId) {
    RuleDoc own = OWN.get(ruleId);
    if (own != null) {
      return own;
    }
    if (catalog == null) {
      catalog = catalogSource.get();
    }
    Optional<Rule> rule = catalog.rule(ruleId);
    return rule.map(found -> new RuleDoc(found.id(), found.title(), found.rationale(), found.ruleClass().id()))
        .orElseGet(() -> new RuleDoc(ruleId, ruleId, "", null));
  }

  private static Map<String, RuleDoc> ownRules() {
    Map<String, RuleDoc> rules = new LinkedHashMap<>();
    for (ClaimKind kind : ClaimKind.values()) {
      String id = "claim-" + kind.id() + "-contradicted";
      rules.put(id, new RuleDoc(id, kind.id() + " claim contradicted", switch (kind) {
        case STATUS -> "The change says it is done, shipped, production-ready or fixes an issue, but its code does not back that.";
        case TEST -> "The change makes a claim about its tests (a count, \"all tests pass\", \"adds N tests\") that the test files do not back.";
        case FILE -> "A file the change lists as new or updated was not added or changed by it.";
        case SYMBOL -> "An identifier the change says it added is not in the file it names.";
        case ABSENCE -> "The change says something is gone (no TODOs, no stubs), but the lines it adds still hold it.";
      }, null));
    }
    rules.put("suppression-invalid", new RuleDoc("suppression-invalid", "suppression that suppresses nothing",
        "A `claim-audit: allow` directive that names an unknown rule, has expired or gives no reason; the finding it meant to cover is reported as usual.",
        null));
    return Map.copyOf(rules);
  }
}
