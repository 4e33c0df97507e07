package dev.claimaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The versioned JSON verdict ({@code claim-audit/verdict/v1}): fields may be added, never renamed. */
public final class JsonReporter implements Reporter {
  public static final String SCHEMA = "claim-audit/verdict/v1";

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    return TerminalSafeEscapes.on(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    if (out instanceof Writer writer) {
      // Streamed: a verdict of thousands of claims is never held as one more string.
      mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(writer, tree(verdict));
      writer.append('\n');
      return;
    }
    out.append(render(verdict)).append('\n');
  }

  public String render(Verdict verdict) {
    try {
      return mapper.writeValueAsString(tree(verdict));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the verdict as JSON", e);
    }
  }

  public ObjectNode tree(Verdict verdict) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("verdict", verdict.outcome().id());
    root.put("summary", verdict.summary());
    root.set("range", range(verdict.range()));
    ArrayNode claims = root.putArray("claims");
    verdict.claims().forEach(result -> claims.add(claim(result)));
    ArrayNode findings = root.putArray("findings");
    List<String> fingerprints = Fingerprints.of(verdict.findings());
    for (int i = 0; i < verdict.findings().size(); i++) {
      Finding finding = verdict.findings().get(i);
      ObjectNode node = finding(finding).put("fingerprint", fingerprints.get(i));
      verdict.addedIn(finding).ifPresent(commit -> node.put("commit", commit));
      findings.add(node);
    }
    ArrayNode checks = root.putArray("checks");
    verdict.checks().forEach(check -> checks.add(check(check)));
    root.put("suppressed", verdict.suppressedCount());
    root.put("cached", verdict.cached());
    root.set("inputs", inputs(verdict.inputs()));
    ArrayNode notes = root.putArray("notes");
    verdict.notes().forEach(notes::add);
    return root;
  }

  private ObjectNode range(RangeInfo range) {
    ObjectNode node = mapper.createObjectNode();
    node.put("spec", range.spec());
    node.put("base", range.base());
    node.put("head", range.head());
    node.put("mergeBase", range.mergeBase());
    node.put("commits", range.commits());
    if (range.reason() != null) {
      node.put("reason", range.reason());
    }
    return node;
  }

  private ObjectNode claim(ClaimResult result) {
    Claim claim = result.claim();
    ObjectNode node = mapper.createObjectNode();
    node.put("id", claim.id());
    node.put("kind", claim.kind().id());
    node.put("strength", claim.strength().id());
    node.put("text", claim.text());
    node.put("source", claim.source());
    node.put("line", claim.line());
    node.put("status", result.status().id());
    node.put("evidence", result.evidence());
    node.put("path", result.path());
    return node;
  }

  private ObjectNode finding(Finding finding) {
    ObjectNode node = mapper.createObjectNode();
    node.put("rule", finding.rule());
    node.put("severity", finding.severity().id());
    node.put("check", finding.check());
    node.put("path", finding.path());
    if (finding.line() == null) {
      node.putNull("line");
    } else {
      node.put("line", finding.line());
    }
    node.put("message", finding.message());
    node.put("claim", finding.claim());
    node.put("suppressed", finding.suppressed());
    node.put("class", finding.ruleClass() == null ? null : finding.ruleClass().id());
    node.put("snippet", finding.snippet());
    node.put("symbol", finding.symbol());
    if (finding.reason() != CodeReason.NONE) {
      node.put("reason", finding.reason().id());
    }
    if (finding.suppression() != null) {
      ObjectNode suppression = node.putObject("suppression");
      suppression.put("rule", finding.suppression().rule());
      suppression.put("reason", finding.suppression().reason());
      suppression.put("until", finding.suppression().until() == null ? null : finding.suppression().until().toString());
      suppression.put("line", finding.suppression().line());
    }
    return node;
  }

  private ObjectNode check(CheckRun run) {
    ObjectNode node = mapper.createObjectNode();
    node.put("name", run.name());
    node.put("status", run.status().id());
    node.put("millis", run.millis());
    node.put("note", run.note());
    return node;
  }

  private ObjectNode inputs(Inputs inputs) {
    ObjectNode node = mapper.createObjectNode();
    node.put("head", inputs.head());
    node.put("base", inputs.base());
    node.put("mergeBase", inputs.mergeBase());
    node.put("prBodySha256", inputs.prBodySha256());
    node.put("policySha256", inputs.policySha256());
    node.put("catalogVersion", inputs.catalogVersion());
    node.put("toolVersion", inputs.toolVersion());
    return node;
  }
}
