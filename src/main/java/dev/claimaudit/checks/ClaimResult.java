package dev.claimaudit.checks;

import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimStatus;
import java.util.List;

/**
 * A claim with the outcome of checking it.
 *
 * @param evidence one sentence a reviewer can check
 * @param path the file the evidence points at (the claimed file, resolved), or {@code null}
 * @param contradictedBy findings that contradict the claim (placeholders, a failed run), or for an
 *     unverified claim the findings that kept it from being checked; the policy blocks on them
 */
public record ClaimResult(Claim claim, ClaimStatus status, String evidence, String path, List<Finding> contradictedBy) {

  public ClaimResult {
    contradictedBy = List.copyOf(contradictedBy);
  }

  public static ClaimResult of(Claim claim, ClaimStatus status, String evidence) {
    return new ClaimResult(claim, status, evidence, null, List.of());
  }
}
