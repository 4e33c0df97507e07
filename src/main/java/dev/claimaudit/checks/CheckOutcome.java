package dev.claimaudit.checks;

import java.util.List;

/**
 * What a check returns: its findings, the claims it settled, and a note for the report.
 *
 * @param failed the check ran but could not finish its job; {@code note} says why
 */
public record CheckOutcome(List<Finding> findings, List<ClaimResult> claimResults, String note, boolean failed) {

  public static CheckOutcome of(List<Finding> findings, String note) {
    return new CheckOutcome(List.copyOf(findings), List.of(), note, false);
  }

  public static CheckOutcome failure(String note, List<Finding> findings) {
    return new CheckOutcome(List.copyOf(findings), List.of(), note, true);
  }
}
