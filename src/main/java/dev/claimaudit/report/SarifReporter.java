package dev.claimaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 for code-scanning tools and reviewdog: one run, rule metadata from the catalog for
 * every rule a result names, and a {@code partialFingerprints} entry per result that survives a
 * moved line. Check failures are tool execution notifications, apart from the results.
 */
public final class SarifReporter implements Reporter {
  /** The OASIS schema this output follows. */
  public static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  /** The key under {@code partialFingerprints}; bump the version if the hash input ever changes. */
  public static final String FINGERPRINT_KEY = "claimAuditFinding/v1";

  private final ObjectMapper mapper = TerminalSafeEscapes.on(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  private final RuleDocs rules;

  public SarifReporter(RuleDocs rules) {
    this.rules = rules;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    try {
      out.append(mapper.writeValueAsString(tree(verdict))).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the verdict as SARIF", e);
    }
  }

  ObjectNode tree(Verdict verdict) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA_URI);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    List<String> ruleIds = new ArrayList<>(new TreeSet<>(verdict.findings().stream().map(Finding::rule).toList()));
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "claim-audit");
    driver.put("version", verdict.inputs().toolVersion());
    ArrayNode ruleArray = driver.putArray("rules");
    for (String id : ruleIds) {
      ruleArray.add(rule(rules.describe(id)));
    }

    run.putArray("invocations").add(invocation(verdict));

    Explanation explanation = new Explanation(verdict, rules);
    List<String> fingerprints = Fingerprints.of(verdict.findings());
    ArrayNode results = run.putArray("results");
    for (int i = 0; i < verdict.findings().size(); i++) {
      Finding finding = verdict.findings().get(i);
      results.add(result(finding, ruleIds.indexOf(finding.rule()), explanation.of(finding), fingerprints.get(i)));
    }

    ObjectNode properties = run.putObject("properties");
    properties.put("verdict", verdict.outcome().id());
    properties.put("summary", verdict.summary());
    ObjectNode range = properties.putObject("range");
    range.put("spec", verdict.range().spec());
    range.put("base", verdict.range().base());
    range.put("head", verdict.range().head());
    range.put("mergeBase", verdict.range().mergeBase());
    range.put("commits", verdict.range().commits());
    return root;
  }

  private ObjectNode rule(RuleDoc doc) {
    ObjectNode rule = mapper.createObjectNode();
    rule.put("id", doc.id());
    rule.putObject("shortDescription").put("text", doc.title());
    if (!doc.description().isBlank()) {
      rule.putObject("fullDescription").put("text", doc.description());
      rule.putObject("help").put("text", doc.description());
    }
    if (doc.ruleClass() != null) {
      ObjectNode properties = rule.putObject("properties");
      properties.put("class", doc.ruleClass());
      properties.putArray("tags").add("placeholder").add(doc.ruleClass());
    }
    return rule;
  }

  private ObjectNode invocation(Verdict verdict) {
    ObjectNode invocation = mapper.createObjectNode();
    invocation.put("executionSuccessful", verdict.failedChecks().isEmpty());
    ArrayNode notifications = mapper.createArrayNode();
    for (CheckRun check : verdict.checks()) {
      if (check.status() == CheckRun.Status.RAN) {
        continue;
      }
      ObjectNode notification = notifications.addObject();
      boolean failed = check.status() == CheckRun.Status.ERROR;
      notification.put("level", failed ? "error" : "note");
      String note = check.note() == null || check.note().isBlank() ? "no reason given" : check.note();
      notification.putObject("message").put("text", "check " + check.name() + (failed ? " could not run: " : " was skipped: ") + note);
      notification.putObject("descriptor").put("id", "check/" + check.name());
    }
    if (!notifications.isEmpty()) {
      invocation.set("toolExecutionNotifications", notifications);
    }
    return invocation;
  }

  private ObjectNode result(Finding finding, int ruleIndex, String message, String fingerprint) {
    ObjectNode result = mapper.createObjectNode();
    result.put("ruleId", finding.rule());
    result.put("ruleIndex", ruleIndex);
    result.put("level", level(finding.severity()));
    result.putObject("message").put("text", message);
    if (finding.path() != null) {
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", Uris.path(finding.path()));
      if (finding.line() != null && finding.line() >= 1) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", finding.line());
        if (finding.snippet() != null) {
          region.putObject("snippet").put("text", finding.snippet());
        }
      }
    }
    result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint);
    if (finding.suppression() != null) {
      ObjectNode suppression = result.putArray("suppressions").addObject();
      suppression.put("kind", "inSource");
      if (!finding.suppression().reason().isBlank()) {
        suppression.put("justification", finding.suppression().reason());
      }
    }
    ObjectNode properties = result.putObject("properties");
    properties.put("severity", finding.severity().id());
    properties.put("check", finding.check());
    if (finding.ruleClass() != null) {
      properties.put("class", finding.ruleClass().id());
    }
    if (finding.claim() != null) {
      properties.put("claim", finding.claim());
    }
    return result;
  }

  static String level(Severity severity) {
    return switch (severity) {
      case BLOCK -> "error";
      case WARN -> "warning";
      case INFO -> "note";
    };
  }
}
