package dev.claimaudit.policy;

import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Strength;
import java.util.EnumMap;
import java.util.Map;

/**
 * The severity of a placeholder by its class and the strength of the claims it sits under.
 * "Unclaimed" is the column for a change that claims nothing.
 */
public final class SeverityMatrix {
  private final Map<RuleClass, Map<Column, Severity>> cells;

  /** The columns: the strongest claim the change makes, or none. */
  public enum Column {
    STRONG,
    NORMAL,
    HEDGED,
    UNCLAIMED;

    public static Column of(Strength strength) {
      return strength == null ? UNCLAIMED : valueOf(strength.name());
    }

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private SeverityMatrix(Map<RuleClass, Map<Column, Severity>> cells) {
    this.cells = cells;
  }

  /**
   * The default: a hard stub or test evasion under a normal or strong claim blocks and under a
   * hedged claim (or none) warns; a soft marker warns only under a strong claim.
   */
  public static SeverityMatrix defaults() {
    Map<RuleClass, Map<Column, Severity>> cells = new EnumMap<>(RuleClass.class);
    cells.put(RuleClass.HARD_STUB, row(Severity.BLOCK, Severity.BLOCK, Severity.WARN, Severity.WARN));
    cells.put(RuleClass.TEST_EVASION, row(Severity.BLOCK, Severity.BLOCK, Severity.WARN, Severity.WARN));
    cells.put(RuleClass.SOFT_MARKER, row(Severity.WARN, Severity.INFO, Severity.INFO, Severity.INFO));
    return new SeverityMatrix(cells);
  }

  private static Map<Column, Severity> row(Severity strong, Severity normal, Severity hedged, Severity unclaimed) {
    Map<Column, Severity> row = new EnumMap<>(Column.class);
    row.put(Column.STRONG, strong);
    row.put(Column.NORMAL, normal);
    row.put(Column.HEDGED, hedged);
    row.put(Column.UNCLAIMED, unclaimed);
    return row;
  }

  public Severity severity(RuleClass ruleClass, Column column) {
    return cells.get(ruleClass).get(column);
  }

  /** A copy with one cell changed. */
  public SeverityMatrix with(RuleClass ruleClass, Column column, Severity severity) {
    Map<RuleClass, Map<Column, Severity>> copy = new EnumMap<>(RuleClass.class);
    cells.forEach((key, row) -> copy.put(key, new EnumMap<>(row)));
    copy.get(ruleClass).put(column, severity);
    return new SeverityMatrix(copy);
  }
}
