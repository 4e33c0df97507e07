package dev.claimaudit.checks.claims;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks each claim against the evidence: the diff, the tree at head and the placeholder scan. */
public final class ClaimsCheck implements Check {

  @Override
  public String name() {
    return "claims";
  }

  @Override
  public String summary() {
    return "Checks every claim of the commit messages and the PR against the diff and the tree at head.";
  }

  @Override
  public Set<String> findingIds() {
    return Stream.of(ClaimKind.values()).map(ClaimsCheck::findingId).collect(Collectors.toUnmodifiableSet());
  }

  private static String findingId(ClaimKind kind) {
    return "claim-" + kind.id() + "-contradicted";
  }

  @Override
  public CheckOutcome run(AuditContext context) {
    Evidence evidence = new Evidence(context);
    List<ClaimResult> results = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Claim claim : context.claims()) {
      ClaimResult result = evidence.check(claim);
      results.add(result);
      if (result.status() == ClaimStatus.CONTRADICTED && result.contradictedBy().isEmpty()) {
        findings.add(Finding.builder(findingId(claim.kind()), name())
            .severity(Severity.BLOCK)
            .at(result.path(), null)
            .message("claim \"" + quote(claim.text()) + "\" is contradicted: " + result.evidence())
            .claim(claim.id())
            .build());
      }
    }
    long backed = results.stream().filter(result -> result.status() == ClaimStatus.BACKED).count();
    long contradicted = results.stream().filter(result -> result.status() == ClaimStatus.CONTRADICTED).count();
    String note = results.size() + " claims: " + backed + " backed, " + contradicted + " contradicted, "
        + (results.size() - backed - contradicted) + " unverified";
    return new CheckOutcome(findings, results, note, false);
  }

  static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine;
  }
}
