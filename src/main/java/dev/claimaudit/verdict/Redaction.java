package dev.claimaudit.verdict;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.text.Secrets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/** A verdict as it may leave the process: every text that quotes the change or its messages masked by {@link Secrets}. */
public final class Redaction {
  private final Secrets secrets;

  public Redaction(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The verdict with its quoting texts masked; outcome and counts unchanged. */
  public Verdict of(Verdict verdict) {
    // Many claims share the same contradicting findings: each is masked once.
    Map<Finding, Finding> masked = new IdentityHashMap<>();
    Function<Finding, Finding> redactFinding = finding -> masked.computeIfAbsent(finding, this::redact);
    return new Verdict(
        verdict.outcome(),
        verdict.range(),
        verdict.claims().stream().map(result -> redact(result, redactFinding)).toList(),
        verdict.findings().stream().map(redactFinding).toList(),
        verdict.checks().stream().map(run -> new CheckRun(run.name(), run.status(), run.millis(), secrets.redact(run.note()))).toList(),
        verdict.inputs(),
        verdict.notes().stream().map(secrets::redact).toList(),
        verdict.cached(),
        verdict.addedIn());
  }

  private ClaimResult redact(ClaimResult result, Function<Finding, Finding> redactFinding) {
    Claim claim = result.claim();
    Claim masked = claim.withText(secrets.redact(claim.text()));
    return new ClaimResult(masked, result.status(), secrets.redact(result.evidence()), result.path(),
        result.contradictedBy().stream().map(redactFinding).toList());
  }

  private Finding redact(Finding finding) {
    Suppression suppression = finding.suppression() == null ? null
        : new Suppression(finding.suppression().rule(), secrets.redact(finding.suppression().reason()), finding.suppression().until(),
            finding.suppression().line());
    return finding.toBuilder()
        .message(secrets.redact(finding.message()))
        .snippet(secrets.redact(finding.snippet()))
        .symbol(secrets.redact(finding.symbol()))
        .suppression(suppression)
        .build();
  }
}
