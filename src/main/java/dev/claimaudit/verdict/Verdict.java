package dev.claimaudit.verdict;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.text.Texts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of an audit, ordered and complete: what every reporter renders.
 *
 * @param findings every finding, suppressed ones included, in {@link Finding#ORDER}
 * @param notes remarks on what was not looked at and why (skipped files, policy changes)
 * @param cached the verdict was not computed now but reused from a record of an audit with the same inputs
 * @param addedIn the commit of the range that added the line of a reported finding, by {@link #lineKey}
 */
public record Verdict(
    Outcome outcome,
    RangeInfo range,
    List<ClaimResult> claims,
    List<Finding> findings,
    List<CheckRun> checks,
    Inputs inputs,
    List<String> notes,
    boolean cached,
    Map<String, String> addedIn) {

  public Verdict {
    claims = List.copyOf(claims);
    findings = findings.stream().sorted(Finding.ORDER).toList();
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    addedIn = Map.copyOf(addedIn);
  }

  /** A verdict whose findings are attributed to no commit. */
  public Verdict(Outcome outcome, RangeInfo range, List<ClaimResult> claims, List<Finding> findings, List<CheckRun> checks,
      Inputs inputs, List<String> notes, boolean cached) {
    this(outcome, range, claims, findings, checks, inputs, notes, cached, Map.of());
  }

  /** A verdict computed now. */
  public Verdict(Outcome outcome, RangeInfo range, List<ClaimResult> claims, List<Finding> findings, List<CheckRun> checks,
      Inputs inputs, List<String> notes) {
    this(outcome, range, claims, findings, checks, inputs, notes, false);
  }

  /** This verdict with {@code note} added. */
  public Verdict withNote(String note) {
    List<String> withNote = new java.util.ArrayList<>(notes);
    withNote.add(note);
    return new Verdict(outcome, range, claims, findings, checks, inputs, withNote, cached, addedIn);
  }

  /** This verdict with each finding's line attributed to the commit that added it, by {@link #lineKey}. */
  public Verdict withAddedIn(Map<String, String> commits) {
    return new Verdict(outcome, range, claims, findings, checks, inputs, notes, cached, commits);
  }

  /** The commit of the range that added the line {@code finding} sits on, when it is known. */
  public Optional<String> addedIn(Finding finding) {
    return finding.path() == null || finding.line() == null ? Optional.empty()
        : Optional.ofNullable(addedIn.get(lineKey(finding.path(), finding.line())));
  }

  /** The key of {@link #addedIn}: a path and a line. */
  public static String lineKey(String path, int line) {
    return path + ":" + line;
  }

  /** This verdict, marked as reused from a record, with {@code note} added. */
  public Verdict asCached(String note) {
    List<String> withNote = new java.util.ArrayList<>(notes);
    withNote.add(note);
    return new Verdict(outcome, range, claims, findings, checks, inputs, withNote, true, addedIn);
  }

  public long count(Severity severity) {
    return findings.stream().filter(finding -> !finding.suppressed() && finding.severity() == severity).count();
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::suppressed).count();
  }

  public List<CheckRun> failedChecks() {
    return checks.stream().filter(check -> check.status() == CheckRun.Status.ERROR).toList();
  }

  /** One line of at most 140 characters, for a commit status description. */
  public String summary() {
    StringBuilder line = new StringBuilder("claim-audit: ").append(outcome.id());
    long blocks = count(Severity.BLOCK);
    long warns = count(Severity.WARN);
    long contradicted = claims.stream().filter(result -> result.status() == dev.claimaudit.claims.ClaimStatus.CONTRADICTED).count();
    line.append(" — ").append(blocks).append(" blocking, ").append(Texts.plural(warns, "warning"));
    line.append("; ").append(contradicted).append(" of ").append(claims.size()).append(" claims contradicted");
    line.append("; ").append(suppressedCount()).append(" suppressed");
    if (!failedChecks().isEmpty()) {
      line.append("; ").append(failedChecks().size()).append(" check(s) failed");
    }
    return Texts.truncate(line.toString(), 140);
  }
}
