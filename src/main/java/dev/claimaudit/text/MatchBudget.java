package dev.claimaudit.text;

/**
 * Characters that many regular-expression matches may read together. Each match is bounded by
 * {@link BoundedCharSequence#BUDGET} already; this bounds their sum, so that a policy of many
 * rules with slow patterns cannot stall the audit that validates it.
 */
public final class MatchBudget {
  private long remaining;

  public MatchBudget(long reads) {
    this.remaining = reads;
  }

  /** Enough for a hundred rules with ordinary patterns, many times over. */
  public static MatchBudget forPolicy() {
    return new MatchBudget(50_000_000L);
  }

  boolean spend() {
    return --remaining >= 0;
  }
}
