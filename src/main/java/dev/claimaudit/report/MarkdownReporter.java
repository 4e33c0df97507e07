package dev.claimaudit.report;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The pull request comment: the verdict and a one-line summary first, then the claims table, the
 * findings grouped by file with the offending line, and suppressed findings, failed checks and
 * notes folded away. It starts with {@link #MARKER} so that a workflow can find its own comment
 * and edit it in place, and it stays under {@link #MAX_CHARS}, saying how much it left out.
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
    String head = head(verdict);
    String failures = failedChecks(verdict);
    String footer = footer(verdict);
    Section claims = claims(verdict);
    Section findings = findings(verdict);
    Section suppressed = suppressed(verdict);
    Section notes = notes(verdict);

    int remaining = MAX_CHARS - head.length() - failures.length() - footer.length() - RESERVE;
    int suppressedBudget = Math.min(suppressed.length(), remaining / 10);
    int notesBudget = Math.min(notes.length(), remaining / 20);
    int claimsShare = Math.min(claims.length(), remaining / 4);
    int findingsBudget = remaining - claimsShare - suppressedBudget - notesBudget;
    String findingsText = findings.render(findingsBudget);
    int claimsBudget = remaining - findingsText.length() - suppressedBudget - notesBudget;

    StringBuilder comment = new StringBuilder(head);
    comment.append(claims.render(claimsBudget));
    comment.append(findingsText);
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
    head.append("> claim-audit checks that what the commit messages and the PR description claim is backed by the code. ");
    head.append(switch (verdict.outcome()) {
      case BLOCK -> "Fix the blocking findings, or say honestly what is unfinished (\"WIP\", \"stub\", \"follow-up\"): an honest claim only warns.";
      case WARN -> "Nothing here blocks the merge; read the warnings before merging.";
      case PASS -> verdict.claims().isEmpty() ? "This change makes no claim it could check, and no placeholder blocks it."
          : "Every claim it could check holds, and no placeholder blocks the change.";
    });
    if (!verdict.failedChecks().isEmpty()) {
      head.append(" **The audit is incomplete:** a check could not run (details below).");
    }
    return head.append("\n\n").toString();
  }

  private static String summaryLine(Verdict verdict) {
    List<String> parts = new ArrayList<>();
    long blocks = verdict.count(Severity.BLOCK);
    long warns = verdict.count(Severity.WARN);
    if (blocks > 0) {
      parts.add("**" + plural(blocks, "blocking finding") + "**");
    }
    if (warns > 0) {
      parts.add(plural(warns, "warning"));
    }
    if (blocks == 0 && warns == 0) {
      parts.add("no findings");
    }
    long contradicted = verdict.claims().stream().filter(result -> result.status() == ClaimStatus.CONTRADICTED).count();
    long backed = verdict.claims().stream().filter(result -> result.status() == ClaimStatus.BACKED).count();
    long unverified = verdict.claims().size() - contradicted - backed;
    if (verdict.claims().isEmpty()) {
      parts.add("no claims found");
    } else {
      String claims = contradicted > 0 ? "**" + contradicted + " of " + plural(verdict.claims().size(), "claim") + " contradicted**"
          : plural(verdict.claims().size(), "claim") + ": none contradicted";
      claims += ", " + backed + " backed" + (unverified > 0 ? ", " + unverified + " unverified" : "");
      parts.add(claims);
    }
    if (verdict.suppressedCount() > 0) {
      parts.add(verdict.suppressedCount() + " suppressed");
    }
    if (!verdict.failedChecks().isEmpty()) {
      parts.add("⚠️ " + plural(verdict.failedChecks().size(), "check") + " could not run");
    }
    parts.add(plural(verdict.range().commits(), "commit") + " in " + Markdown.code(verdict.range().spec(), 120, false));
    return String.join(" · ", parts);
  }

  private static Section claims(Verdict verdict) {
    Section section = new Section("claims", "#### Claims\n\n| | Claim | Kind | Where | Evidence |\n|:-:|---|---|---|---|\n", "\n");
    for (ClaimResult result : verdict.claims()) {
      Claim claim = result.claim();
      section.add("| " + symbol(result.status()) + " | " + Markdown.text(claim.text(), 200) + " | " + claim.kind().id()
          + (claim.strength() == Strength.NORMAL ? "" : " (" + claim.strength().id() + ")")
          + " | " + Markdown.text(Explanation.source(claim), 60) + " | " + Markdown.text(result.evidence(), 240) + " |\n");
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
        "<details><summary>" + plural(count, "suppressed finding") + " (allowed inline; not counted in the verdict)</summary>\n\n"
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
        .append(plural(failed.size(), "check")).append(" could not run: the verdict may miss findings</summary>\n\n");
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

  private static String footer(Verdict verdict) {
    return "<sub>claim-audit " + Markdown.text(verdict.inputs().toolVersion(), 40)
        + " · head " + Markdown.code(Explanation.shortSha(verdict.range().head()), 12, false)
        + " · merge base " + Markdown.code(Explanation.shortSha(verdict.range().mergeBase()), 12, false)
        + " · rules " + Markdown.code(verdict.inputs().catalogVersion() == null ? "none" : verdict.inputs().catalogVersion(), 40, false)
        + "</sub>\n";
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

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
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
        text.append("\n_").append(plural(left, what.endsWith("s") ? what.substring(0, what.length() - 1) : what))
            .append(" not shown: this comment is capped at ").append(String.format(Locale.ROOT, "%,d", MAX_CHARS))
            .append(" characters. The job log and the SARIF report list them all._\n");
      }
      return text.append(trailer).toString();
    }
  }
}
