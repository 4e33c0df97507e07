package dev.claimaudit.report;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflow commands for the Actions job log: one {@code ::group::} per file holding an
 * {@code ::error}, {@code ::warning} or {@code ::notice} per finding, a group for checks that could
 * not run, and the verdict's summary last. Every line is a command, so no untrusted text can start
 * a line of its own and be read as a command; control characters and escape sequences in paths
 * and messages are shown as {@code \\uXXXX}, as in the text report, so none reaches the job log raw.
 */
public final class AnnotationsReporter implements Reporter {
  private static final String TITLE_PREFIX = "claim-audit ";
  private static final int MAX_PATH = 1000;

  private final RuleDocs rules;

  public AnnotationsReporter(RuleDocs rules) {
    this.rules = rules;
  }

  @Override
  public String format() {
    return "annotations";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    Explanation explanation = new Explanation(verdict, rules);
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding finding : verdict.findings()) {
      byFile.computeIfAbsent(finding.path() == null ? "" : finding.path(), path -> new ArrayList<>()).add(finding);
    }
    for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
      int count = file.getValue().size();
      String name = file.getKey().isEmpty() ? "the change as a whole" : Text.exact(file.getKey(), MAX_PATH);
      out.append("::group::").append(WorkflowCommands.data(name + " (" + Texts.plural(count, "finding") + ")")).append('\n');
      for (Finding finding : file.getValue()) {
        out.append("::").append(command(finding)).append(' ');
        if (finding.path() != null) {
          out.append("file=").append(WorkflowCommands.property(Text.exact(finding.path(), MAX_PATH))).append(',');
          if (finding.line() != null) {
            out.append("line=").append(String.valueOf(finding.line())).append(',');
          }
        }
        out.append("title=").append(WorkflowCommands.property(TITLE_PREFIX + finding.rule()));
        String message = explanation.of(finding) + (finding.snippet() == null ? "" : "\n" + finding.snippet().strip());
        out.append("::").append(WorkflowCommands.data(Text.safe(message, false))).append('\n');
      }
      out.append("::endgroup::\n");
    }
    List<CheckRun> failed = verdict.failedChecks();
    if (!failed.isEmpty()) {
      out.append("::group::").append(WorkflowCommands.data("checks that could not run (" + failed.size() + ")")).append('\n');
      for (CheckRun check : failed) {
        out.append("::error title=").append(WorkflowCommands.property(TITLE_PREFIX + "check " + check.name())).append("::")
            .append(WorkflowCommands.data("check " + check.name() + " could not run: " + Text.line(check.note(), 400))).append('\n');
      }
      out.append("::endgroup::\n");
    }
    String level = switch (verdict.outcome()) {
      case BLOCK -> "error";
      case WARN -> "warning";
      case PASS -> "notice";
    };
    out.append("::").append(level).append(" title=").append(WorkflowCommands.property("claim-audit")).append("::")
        .append(WorkflowCommands.data(Text.safe(verdict.summary(), false))).append('\n');
  }

  private static String command(Finding finding) {
    if (finding.suppressed()) {
      return "notice";
    }
    return switch (finding.severity()) {
      case BLOCK -> "error";
      case WARN -> "warning";
      case INFO -> "notice";
    };
  }
}
