package dev.claimaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;

/**
 * reviewdog's diagnostic format: {@code rdjson} (one {@code DiagnosticResult}) or {@code rdjsonl}
 * (one {@code Diagnostic} per line), so that {@code reviewdog -f=rdjson -reporter=gitea-pr-review}
 * posts the findings as inline review comments. Suppressed findings are left out: they were
 * allowed on purpose, and a review comment on each would be noise.
 */
public final class RdjsonReporter implements Reporter {
  private static final String SOURCE = "claim-audit";

  private final ObjectMapper mapper = TerminalSafeEscapes.on(new ObjectMapper());
  private final RuleDocs rules;
  private final boolean lines;

  /** @param lines {@code true} for rdjsonl, {@code false} for rdjson */
  public RdjsonReporter(RuleDocs rules, boolean lines) {
    this.rules = rules;
    this.lines = lines;
  }

  @Override
  public String format() {
    return lines ? "rdjsonl" : "rdjson";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    Explanation explanation = new Explanation(verdict, rules);
    try {
      if (lines) {
        for (Finding finding : verdict.findings()) {
          if (!finding.suppressed()) {
            ObjectNode diagnostic = diagnostic(finding, explanation);
            diagnostic.putObject("source").put("name", SOURCE);
            out.append(mapper.writeValueAsString(diagnostic)).append('\n');
          }
        }
        return;
      }
      ObjectNode root = mapper.createObjectNode();
      root.putObject("source").put("name", SOURCE);
      root.put("severity", switch (verdict.outcome()) {
        case BLOCK -> "ERROR";
        case WARN -> "WARNING";
        case PASS -> "INFO";
      });
      ArrayNode diagnostics = root.putArray("diagnostics");
      for (Finding finding : verdict.findings()) {
        if (!finding.suppressed()) {
          diagnostics.add(diagnostic(finding, explanation));
        }
      }
      out.append(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the verdict as " + format(), e);
    }
  }

  private ObjectNode diagnostic(Finding finding, Explanation explanation) {
    ObjectNode diagnostic = mapper.createObjectNode();
    diagnostic.put("message", explanation.of(finding));
    if (finding.path() != null) {
      ObjectNode location = diagnostic.putObject("location");
      location.put("path", finding.path());
      if (finding.line() != null && finding.line() >= 1) {
        location.putObject("range").putObject("start").put("line", finding.line());
      }
    }
    diagnostic.put("severity", severity(finding.severity()));
    diagnostic.putObject("code").put("value", finding.rule());
    return diagnostic;
  }

  private static String severity(Severity severity) {
    return switch (severity) {
      case BLOCK -> "ERROR";
      case WARN -> "WARNING";
      case INFO -> "INFO";
    };
  }
}
