package dev.claimaudit.claims;

import java.util.List;

/**
 * How the change's own words judge one placeholder.
 *
 * @param strength the strongest standing claim whose scope holds the placeholder; {@link Strength#HEDGED}
 *     when every claim about it is hedged or an admission covers it; {@code null} when it is outside
 *     the scope of every claim
 * @param against the standing claims it breaks, strongest first; empty when hedged or out of scope
 * @param admission the admission that covers it, when that decided the judgement
 */
public record Judgement(Strength strength, List<Claim> against, Admission admission) {
  public static final Judgement OUT_OF_SCOPE = new Judgement(null, List.of(), null);

  public Judgement {
    against = List.copyOf(against);
  }

  public boolean inScope() {
    return strength != null;
  }

  /** The claim the placeholder is reported against: the strongest one it breaks, or the hedged one that covers it. */
  public Claim claim() {
    return against.isEmpty() ? null : against.get(0);
  }
}
