package dev.claimaudit.checks.claims;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.cores.Cores;
import java.util.ArrayList;
import java.util.List;
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
  public List<FindingType> findingTypes() {
    return Stream.of(ClaimKind.values()).map(kind -> new FindingType(findingId(kind), kind.id() + " claim contradicted", switch (kind) {
      case STATUS -> "The change says it is done, shipped, production-ready or fixes an issue, but its code does not back that.";
      case TEST -> "The change makes a claim about its tests (a count, \"all tests pass\", \"adds N tests\") that the test files do not back.";
      case FILE -> "A file the change lists as new or updated was not added or changed by it.";
      case SYMBOL -> "An identifier the change says it added is not in the file it names.";
      case ABSENCE -> "The change says something is gone (no TODOs, no stubs), but the lines it adds still hold it.";
    }, switch (kind) {
      case STATUS -> "claim \"Implement CSV import, done\" is contradicted: 1 placeholder in the added lines; first: src/import.rs:30 (rs-todo-macro)";
      case TEST -> "claim \"117 tests pass · 0 fail\" is contradicted: 3 test cases are counted in the changed test files";
      case FILE -> "claim \"src/eviction.rs\" is contradicted: src/eviction.rs does not exist at head";
      case SYMBOL -> "claim \"adds parseHeader in src/parse.ts\" is contradicted: parseHeader is not in src/parse.ts at head";
      case ABSENCE -> "claim \"no TODOs left\" is contradicted: src/app.py:12 adds a TODO comment";
    })).toList();
  }

  private static String findingId(ClaimKind kind) {
    return "claim-" + kind.id() + "-contradicted";
  }

  @Override
  public CheckOutcome run(AuditContext context) {
    Evidence evidence = new Evidence(context);
    // Claims are checked on every core, in their order: a release range holds tens of thousands.
    List<Claim> claims = context.claims();
    List<ClaimResult> results = Cores.map(claims.size(), i -> evidence.check(claims.get(i)));
    List<Finding> findings = new ArrayList<>();
    for (ClaimResult result : results) {
      Claim claim = result.claim();
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
