package dev.claimaudit.report;

import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence of the change's messages with what its claims came to: a sentence that claims a
 * status and a file is one row, contradicted when either claim is, backed only when both are.
 *
 * @param where where the sentence was read, as a reader finds it ({@code commit 93e3366}, {@code PR body, line 3})
 * @param evidence the evidence of its claims, each after its kind when there are several
 */
record ClaimRow(String text, String where, ClaimStatus status, String evidence) {

  /** The verdict's claims as rows, one per sentence, contradicted ones first, otherwise in the order they were read. */
  static List<ClaimRow> of(Verdict verdict) {
    Map<String, List<ClaimResult>> bySentence = new LinkedHashMap<>();
    for (ClaimResult result : verdict.claims()) {
      Claim claim = result.claim();
      bySentence.computeIfAbsent(claim.source() + "\u0000" + claim.line() + "\u0000" + claim.text(), key -> new ArrayList<>()).add(result);
    }
    List<ClaimRow> rows = new ArrayList<>();
    for (List<ClaimResult> results : bySentence.values()) {
      rows.add(of(results));
    }
    rows.sort(Comparator.comparing(row -> row.status() != ClaimStatus.CONTRADICTED));
    return rows;
  }

  private static ClaimRow of(List<ClaimResult> results) {
    Claim first = results.get(0).claim();
    ClaimStatus status = results.stream().anyMatch(result -> result.status() == ClaimStatus.CONTRADICTED) ? ClaimStatus.CONTRADICTED
        : results.stream().allMatch(result -> result.status() == ClaimStatus.BACKED) ? ClaimStatus.BACKED : ClaimStatus.UNVERIFIED;
    String evidence;
    if (results.size() == 1) {
      evidence = results.get(0).evidence();
    } else {
      List<String> parts = new ArrayList<>();
      results.stream()
          .sorted(Comparator.comparing((ClaimResult result) -> result.status() != ClaimStatus.CONTRADICTED))
          .forEach(result -> parts.add(result.claim().kind().id() + ": " + result.evidence()));
      evidence = String.join("; ", parts);
    }
    return new ClaimRow(first.text(), Explanation.source(first), status, evidence);
  }
}
