package dev.claimaudit.verdict;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.text.Secrets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** A verdict as it may leave the process: every text that quotes the change or its messages masked by {@link Secrets}. */
public final class Redaction {
  private final Secrets secrets;

  public Redaction(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The verdict with its quoting texts masked; outcome and counts unchanged. */
  public Verdict of(Verdict verdict) {
    Pass pass = new Pass();
    return new Verdict(
        verdict.outcome(),
        verdict.range(),
        verdict.claims().stream().map(pass::redact).toList(),
        verdict.findings().stream().map(pass::redact).toList(),
        verdict.checks().stream().map(run -> new CheckRun(run.name(), run.status(), run.millis(), pass.redact(run.note()))).toList(),
        verdict.inputs(),
        verdict.notes().stream().map(pass::redact).toList(),
        verdict.cached(),
        verdict.addedIn());
  }

  /**
   * One verdict's masking. Many claims share the same contradicting findings, and many findings
   * the same paths, symbols and messages: each finding and each text is masked once.
   */
  private final class Pass {
    private final Map<Finding, Finding> findings = new IdentityHashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    String redact(String text) {
      return text == null ? null : texts.computeIfAbsent(text, secrets::redact);
    }

    ClaimResult redact(ClaimResult result) {
      Claim claim = result.claim();
      Claim masked = claim.withText(redact(claim.text()));
      return new ClaimResult(masked, result.status(), redact(result.evidence()), result.path(),
          result.contradictedBy().stream().map(this::redact).toList());
    }

    Finding redact(Finding finding) {
      return findings.computeIfAbsent(finding, this::mask);
    }

    private Finding mask(Finding finding) {
      Suppression suppression = finding.suppression() == null ? null
          : new Suppression(finding.suppression().rule(), redact(finding.suppression().reason()), finding.suppression().until(),
              finding.suppression().line());
      return finding.toBuilder()
          .message(redact(finding.message()))
          .snippet(redact(finding.snippet()))
          .symbol(redact(finding.symbol()))
          .suppression(suppression)
          .build();
    }
  }
}
