package dev.claimaudit.cli;

import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.kb.Learning;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.policy.SuppressionAudit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every finding the audit can report besides the catalog's placeholder rules, gathered from the
 * declarations of the checks and stages that report them: the one list that {@code audit explain},
 * {@code audit rules}, the reports, the docs and the policy's {@code rules:} read.
 */
public final class FindingRegistry {
  private final Map<String, FindingType> types;

  private FindingRegistry(List<FindingType> declared) {
    Map<String, FindingType> byId = new TreeMap<>();
    for (FindingType type : declared) {
      if (byId.put(type.id(), type) != null) {
        throw new IllegalStateException("finding id " + type.id() + " is declared twice");
      }
    }
    this.types = Collections.unmodifiableMap(byId);
  }

  /** The declarations of the audit's checks, the knowledge base and the policy. */
  public static FindingRegistry builtIn() {
    List<FindingType> declared = new ArrayList<>();
    for (Check check : AuditPipeline.checks()) {
      declared.addAll(check.findingTypes());
    }
    declared.addAll(Learning.FINDING_TYPES);
    declared.add(PolicyLoader.CHANGED);
    declared.add(PolicyLoader.INVALID);
    declared.add(SuppressionAudit.TYPE);
    return new FindingRegistry(declared);
  }

  /** Every declaration, by id. */
  public List<FindingType> types() {
    return List.copyOf(types.values());
  }

  public Set<String> ids() {
    return types.keySet();
  }

  public Optional<FindingType> type(String id) {
    return Optional.ofNullable(types.get(id));
  }
}
