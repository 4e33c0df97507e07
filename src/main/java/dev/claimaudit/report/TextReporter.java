package dev.claimaudit.report;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;

/** The report for people at a terminal: the verdict first, then claims, findings and checks. */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";
  private static final String DIM = "\u001b[2m";

  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public String format() {
    return "text";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    out.append(paint(BOLD + colorOf(verdict.outcome()), verdict.summary())).append('\n');
    RangeInfo range = verdict.range();
    out.append(paint(DIM, "range " + Text.line(range.spec(), 200) + (range.reason() == null ? "" : " (" + Text.line(range.reason(), 200) + ")")
        + ": " + Texts.plural(range.commits(), "commit") + ", merge base " + Texts.shortSha(range.mergeBase())
        + ", head " + Texts.shortSha(range.head()))).append('\n');
    if (!verdict.findings().isEmpty()) {
      out.append('\n').append(paint(BOLD, "Findings")).append('\n');
      for (Finding finding : verdict.findings()) {
        String location = finding.path() == null ? "(change)" : Text.exact(finding.path(), 200) + (finding.line() == null ? "" : ":" + finding.line());
        String severity = finding.suppressed() ? "suppressed" : finding.severity().id();
        out.append("  ").append(location).append("  ").append(paint(colorOf(finding), severity)).append("  ")
            .append(finding.rule()).append("  ").append(Text.line(finding.message(), 300)).append('\n');
        if (finding.snippet() != null) {
          out.append("      ").append(paint(DIM, Text.line(finding.snippet(), 160))).append('\n');
        }
        String commit = verdict.addedIn(finding).orElse(null);
        if (commit != null) {
          out.append("      ").append(paint(DIM, "added in commit " + Texts.shortSha(commit))).append('\n');
        }
        if (finding.suppression() != null) {
          out.append("      ").append(paint(DIM, "allowed: " + Text.line(finding.suppression().reason(), 160))).append('\n');
        }
      }
    }
    if (!verdict.claims().isEmpty()) {
      out.append('\n').append(paint(BOLD, "Claims")).append('\n');
      for (ClaimResult result : verdict.claims()) {
        out.append("  ").append(paint(colorOf(result.status()), symbol(result.status()) + " " + pad(result.status().id(), 12)))
            .append(pad(result.claim().kind().id(), 8)).append(pad(result.claim().strength().id(), 7))
            .append('"').append(Text.line(result.claim().text(), 100)).append('"')
            .append(paint(DIM, "  " + shortSource(result.claim().source()))).append('\n');
        out.append("      ").append(paint(DIM, Text.exact(result.evidence(), 200))).append('\n');
      }
    }
    out.append('\n').append(paint(BOLD, "Checks")).append('\n');
    for (CheckRun run : verdict.checks()) {
      out.append("  ").append(pad(run.name(), 8)).append(pad(run.status().id(), 8)).append(pad(run.millis() + " ms", 9))
          .append(Text.line(run.note() == null ? "" : run.note(), 200)).append('\n');
    }
    for (String note : verdict.notes()) {
      out.append(paint(DIM, "note: " + Text.exact(note, 300))).append('\n');
    }
    out.append('\n').append(nextSteps(verdict));
  }

  /** The ways out of a verdict, as the pull request comment gives them. */
  private String nextSteps(Verdict verdict) {
    if (verdict.outcome() == Outcome.PASS && verdict.failedChecks().isEmpty()) {
      return paint(BOLD, "Next:") + " nothing to do; every claim that could be checked holds.\n";
    }
    String rule = verdict.findings().stream().filter(finding -> !finding.suppressed() && finding.severity() != Severity.INFO && finding.line() != null)
        .map(Finding::rule).findFirst().orElse("RULE");
    StringBuilder text = new StringBuilder(paint(BOLD, "Next:")).append('\n');
    if (!verdict.failedChecks().isEmpty()) {
      text.append("  - a check could not run: read its note above, fix what it names, and audit again\n");
    }
    if (verdict.outcome() != Outcome.PASS) {
      text.append(verdict.outcome() == Outcome.BLOCK ? "  - fix the blocking findings above, then audit again\n"
          : "  - nothing blocks; fix what the warnings point at, or leave it knowingly\n");
      text.append("  - or suppress a finding where it is, with the reason: claim-audit: allow(").append(rule)
          .append(") <reason>   (audit explain ").append(rule).append(" says what it finds)\n");
      text.append("  - or say honestly what is unfinished (\"WIP\", \"stub\", \"follow-up\" in the message): an honest claim only warns\n");
    }
    return text.toString();
  }

  private String paint(String style, String text) {
    return color && !style.isEmpty() ? style + text + RESET : text;
  }

  private static String colorOf(Outcome outcome) {
    return switch (outcome) {
      case BLOCK -> RED;
      case WARN -> YELLOW;
      case PASS -> GREEN;
    };
  }

  private static String colorOf(ClaimStatus status) {
    return switch (status) {
      case BACKED -> GREEN;
      case CONTRADICTED -> RED;
      case UNVERIFIED -> YELLOW;
    };
  }

  private static String colorOf(Finding finding) {
    if (finding.suppressed()) {
      return DIM;
    }
    return finding.severity() == Severity.BLOCK ? RED : finding.severity() == Severity.WARN ? YELLOW : DIM;
  }

  private static String symbol(ClaimStatus status) {
    return switch (status) {
      case BACKED -> "✓";
      case CONTRADICTED -> "✗";
      case UNVERIFIED -> "?";
    };
  }


  private static String shortSource(String source) {
    return source.startsWith("commit:") ? "commit " + Texts.shortSha(source.substring(7)) : source;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
