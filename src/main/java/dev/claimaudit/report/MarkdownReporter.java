package dev.claimaudit.report;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The pull request comment, for a reviewer who has ten seconds: the verdict and a one-line summary,
 * then the findings (what to fix, where, why, and the commit that added the line), then the claims,
 * one row per sentence, contradicted ones first and the others folded away, then what to do next.
 * Suppressed findings, failed checks and notes are folded away too; a passing change gets three
 * lines. It starts with {@link #MARKER} so that a workflow can find its own comment and edit it in
 * place, and it stays under {@link #MAX_CHARS}, saying how much it left out.
 */
public final class MarkdownReporter implements Reporter {
  /** The hidden first line by which a workflow recognises the comment it posted earlier. */
  public static final String MARKER = "<!-- claim-audit -->";
  /** Code hosts refuse comments of 65,536 characters and more; this leaves room to spare. */
  public static final int MAX_CHARS = 60_000;

  private static final int RESERVE = 600;

  private final SourceLinks links;

  /** @param links where file links point, or {@code null} for plain paths */
  public MarkdownReporter(SourceLinks links) {
    this.links = links;
  }

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    out.append(render(verdict));
  }

  String render(Verdict verdict) {
    if (verdict.outcome() == Outcome.PASS && verdict.failedChecks().isEmpty()) {
      return MARKER + "\n### ✅ claim-audit: passed\n" + summaryLine(verdict) + " · " + footerParts(verdict) + "\n";
    }
    String head = head(verdict);
    String failures = failedChecks(verdict);
    String next = nextSteps(verdict);
    String footer = "<sub>" + footerParts(verdict) + "</sub>\n";
    Section findings = findings(verdict);
    List<ClaimRow> rows = ClaimRow.of(verdict);
    Section contradicted = claims(rows, true);
    Section others = claims(rows, false);
    Section suppressed = suppressed(verdict);
    Section notes = notes(verdict);

    int remaining = MAX_CHARS - head.length() - failures.length() - next.length() - footer.length() - RESERVE;
    int suppressedBudget = Math.min(suppressed.length(), remaining / 10);
    int notesBudget = Math.min(notes.length(), remaining / 20);
    int othersBudget = Math.min(others.length(), remaining / 10);
    int claimsShare = Math.min(contradicted.length(), remaining / 5);
    int findingsBudget = remaining - claimsShare - othersBudget - suppressedBudget - notesBudget;
    String findingsText = findings.render(findingsBudget);
    int claimsBudget = remaining - findingsText.length() - othersBudget - suppressedBudget - notesBudget;

    StringBuilder comment = new StringBuilder(head);
    comment.append(findingsText);
    comment.append(contradicted.render(claimsBudget));
    comment.append(others.render(othersBudget));
    comment.append(next);
    comment.append(suppressed.render(suppressedBudget));
    comment.append(failures);
    comment.append(notes.render(notesBudget));
    comment.append(footer);
    return comment.toString();
  }

  private static String head(Verdict verdict) {
    StringBuilder head = new StringBuilder(MARKER).append('\n');
    head.append(switch (verdict.outcome()) {
      case BLOCK -> "### ⛔ claim-audit: merge blocked";
      case WARN -> "### ⚠️ claim-audit: passed with warnings";
      case PASS -> "### ✅ claim-audit: passed";
    }).append("\n\n");
    head.append(summaryLine(verdict)).append("\n\n");
    if (!verdict.failedChecks().isEmpty()) {
      head.append("**The audit is incomplete:** a check could not run (details below).\n\n");
    }
    return head.toString();
  }

  private static String summaryLine(Verdict verdict) {
    List<String> parts = new ArrayList<>();
    long blocks = verdict.count(Severity.BLOCK);
    long warns = verdict.count(Severity.WARN);
    if (blocks > 0) {
      parts.add("**" + Texts.plural(blocks, "blocking finding") + "**");
    }
    if (warns > 0) {
      parts.add(Texts.plural(warns, "warning"));
    }
    if (blocks == 0 && warns == 0) {
      parts.add("no findings");
    }
    List<ClaimRow> rows = ClaimRow.of(verdict);
    long contradicted = rows.stream().filter(row -> row.status() == ClaimStatus.CONTRADICTED).count();
    if (rows.isEmpty()) {
      parts.add("no claims found");
    } else if (contradicted > 0) {
      parts.add("**" + contradicted + " of " + Texts.plural(rows.size(), "claim") + " contradicted**");
    } else {
      parts.add(Texts.plural(rows.size(), "claim") + " checked, none contradicted");
    }
    if (verdict.suppressedCount() > 0) {
      parts.add(verdict.suppressedCount() + " suppressed");
    }
    if (!verdict.failedChecks().isEmpty()) {
      parts.add("⚠️ " + Texts.plural(verdict.failedChecks().size(), "check") + " could not run");
    }
    parts.add(Texts.plural(verdict.range().commits(), "commit") + " in " + Markdown.code(verdict.range().spec(), 120, false));
    return String.join(" · ", parts);
  }

  /** What the author can do about the verdict: the ways out, most useful first. */
  private static String nextSteps(Verdict verdict) {
    if (verdict.outcome() == Outcome.PASS) {
      return "";
    }
    StringBuilder text = new StringBuilder("#### What to do\n\n");
    if (verdict.outcome() == Outcome.BLOCK) {
      text.append("- **Fix** the blocking findings: write the code the claim promises, then push again.\n");
    } else {
      text.append("- Nothing here blocks the merge. **Fix** what the warnings point at, or leave it knowingly.\n");
    }
    String rule = verdict.findings().stream().filter(finding -> !finding.suppressed() && finding.severity() != Severity.INFO && finding.line() != null)
        .map(Finding::rule).findFirst().orElse("RULE");
    text.append("- **Suppress** a finding where it is, with the reason, when the code is right as it is: ")
        .append(Markdown.code("claim-audit: allow(" + rule + ") reason", 120, false))
        .append(" on its line or the line above. It stays in the report.\n")
        .append("- **Say honestly** what is unfinished (\"WIP\", \"stub\", \"follow-up\" in the commit message or the PR description): ")
        .append("an honest claim only warns.\n\n");
    return text.toString();
  }

  private static Section claims(List<ClaimRow> rows, boolean contradicted) {
    List<ClaimRow> shown = rows.stream().filter(row -> (row.status() == ClaimStatus.CONTRADICTED) == contradicted).toList();
    String table = "| | Claim | Where | Evidence |\n|:-:|---|---|---|\n";
    Section section;
    if (contradicted) {
      section = new Section("claims", "#### Claims\n\n" + table, "\n");
    } else {
      long backed = shown.stream().filter(row -> row.status() == ClaimStatus.BACKED).count();
      String summary = Texts.plural(shown.size(), rows.size() == shown.size() ? "claim" : "other claim") + ": " + backed + " backed"
          + (shown.size() > backed ? ", " + (shown.size() - backed) + " unverified" : "");
      section = new Section("claims", "<details><summary>" + summary + "</summary>\n\n" + table, "\n</details>\n\n");
    }
    for (ClaimRow row : shown) {
      section.add("| " + symbol(row.status()) + " | " + Markdown.text(row.text(), 200) + " | " + Markdown.text(row.where(), 60) + " | "
          + Markdown.text(row.evidence(), 300) + " |\n");
    }
    return section;
  }

  private Section findings(Verdict verdict) {
    Map<String, Claim> claimsById = new LinkedHashMap<>();
    verdict.claims().forEach(result -> claimsById.put(result.claim().id(), result.claim()));
    Section section = new Section("findings", "#### Findings\n\n", "\n");
    String currentFile = null;
    boolean first = true;
    for (Finding finding : verdict.findings()) {
      if (finding.suppressed()) {
        continue;
      }
      String file = finding.path() == null ? "" : finding.path();
      String header = null;
      if (first || !Objects.equals(file, currentFile)) {
        String title = file.isEmpty() ? "**The change as a whole**" : "**" + Markdown.code(file, 300, false) + "**";
        header = (first ? "" : "\n") + title + "\n\n| Line | Severity | Rule | What |\n|--:|---|---|---|\n";
        currentFile = file;
        first = false;
      }
      StringBuilder row = new StringBuilder("| ").append(lineCell(verdict, finding)).append(" | ")
          .append(severity(finding.severity())).append(" | ").append(Markdown.code(finding.rule(), 80, true)).append(" | ")
          .append(Markdown.text(finding.message(), 300));
      Claim claim = finding.claim() == null || finding.rule().startsWith("claim-") ? null : claimsById.get(finding.claim());
      if (claim != null) {
        row.append("<br>contradicts \u201c").append(Markdown.text(claim.text(), 100)).append("\u201d (")
            .append(Markdown.text(Explanation.source(claim), 60)).append(')');
      }
      verdict.addedIn(finding).ifPresent(commit -> row.append("<br>added in ").append(Markdown.code(Texts.shortSha(commit), 12, true)));
      if (finding.snippet() != null && !finding.snippet().isBlank()) {
        row.append("<br>").append(Markdown.code(finding.snippet().strip(), 200, true));
      }
      row.append(" |\n");
      section.add(header, row.toString());
    }
    return section;
  }

  private String lineCell(Verdict verdict, Finding finding) {
    String label = finding.line() == null ? "—" : String.valueOf(finding.line());
    if (links == null || finding.path() == null) {
      return label;
    }
    return links.to(verdict.range().head(), finding.path(), finding.line())
        .map(url -> "[" + label + "](" + url + ")")
        .orElse(label);
  }

  private static Section suppressed(Verdict verdict) {
    long count = verdict.suppressedCount();
    Section section = new Section("suppressed findings",
        "<details><summary>" + Texts.plural(count, "suppressed finding") + " (allowed inline; not counted in the verdict)</summary>\n\n"
            + "| File | Line | Rule | Reason |\n|---|--:|---|---|\n",
        "\n</details>\n\n");
    for (Finding finding : verdict.findings()) {
      if (finding.suppressed()) {
        String reason = finding.suppression().reason().isBlank() ? "_no reason given_" : Markdown.text(finding.suppression().reason(), 200);
        section.add("| " + (finding.path() == null ? "—" : Markdown.code(finding.path(), 200, true)) + " | "
            + (finding.line() == null ? "—" : finding.line()) + " | " + Markdown.code(finding.rule(), 80, true) + " | " + reason + " |\n");
      }
    }
    return section;
  }

  private static String failedChecks(Verdict verdict) {
    List<CheckRun> failed = verdict.failedChecks();
    if (failed.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("<details><summary>⚠️ ")
        .append(Texts.plural(failed.size(), "check")).append(" could not run: the verdict may miss findings</summary>\n\n");
    for (CheckRun check : failed) {
      text.append("- **").append(Markdown.text(check.name(), 40)).append("**: ").append(Markdown.text(check.note(), 400)).append('\n');
    }
    return text.append("\n</details>\n\n").toString();
  }

  private static Section notes(Verdict verdict) {
    Section section = new Section("notes", "<details><summary>Notes on what was not audited</summary>\n\n", "\n</details>\n\n");
    for (String note : verdict.notes()) {
      section.add("- " + Markdown.text(note, 400) + "\n");
    }
    return section;
  }

  private static String footerParts(Verdict verdict) {
    return "claim-audit " + Markdown.text(verdict.inputs().toolVersion(), 40)
        + " · head " + Markdown.code(Texts.shortSha(verdict.range().head()), 12, false)
        + " · merge base " + Markdown.code(Texts.shortSha(verdict.range().mergeBase()), 12, false)
        + " · rules " + Markdown.code(verdict.inputs().catalogVersion() == null ? "none" : verdict.inputs().catalogVersion(), 40, false);
  }

  private static String symbol(ClaimStatus status) {
    return switch (status) {
      case BACKED -> "✅";
      case CONTRADICTED -> "❌";
      case UNVERIFIED -> "❔";
    };
  }

  private static String severity(Severity severity) {
    return switch (severity) {
      case BLOCK -> "⛔ block";
      case WARN -> "⚠️ warn";
      case INFO -> "ℹ️ info";
    };
  }


  /** Header, rows and trailer of one part of the comment, rendered within a character budget. */
  private static final class Section {
    private final String what;
    private final String header;
    private final String trailer;
    private final List<String[]> rows = new ArrayList<>();

    Section(String what, String header, String trailer) {
      this.what = what;
      this.header = header;
      this.trailer = trailer;
    }

    void add(String row) {
      add(null, row);
    }

    /** A row, preceded by {@code groupHeader} (or {@code null}) when it starts a new group. */
    void add(String groupHeader, String row) {
      rows.add(new String[] {groupHeader, row});
    }

    int length() {
      if (rows.isEmpty()) {
        return 0;
      }
      int length = header.length() + trailer.length();
      for (String[] row : rows) {
        length += (row[0] == null ? 0 : row[0].length()) + row[1].length();
      }
      return length;
    }

    /** All rows, or as many as fit in {@code budget} and a line saying how many were left out; empty when there are none. */
    String render(int budget) {
      if (rows.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder(header);
      int shown = 0;
      for (String[] row : rows) {
        int cost = (row[0] == null ? 0 : row[0].length()) + row[1].length();
        if (text.length() + cost + trailer.length() > budget) {
          break;
        }
        if (row[0] != null) {
          text.append(row[0]);
        }
        text.append(row[1]);
        shown++;
      }
      int left = rows.size() - shown;
      if (left > 0) {
        text.append("\n_").append(Texts.plural(left, what.endsWith("s") ? what.substring(0, what.length() - 1) : what))
            .append(" not shown: this comment is capped at ").append(String.format(Locale.ROOT, "%,d", MAX_CHARS))
            .append(" characters. The job log and the SARIF report list them all._\n");
      }
      return text.append(trailer).toString();
    }
  }
}
