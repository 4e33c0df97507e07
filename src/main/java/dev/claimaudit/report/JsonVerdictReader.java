package dev.claimaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Reads a verdict back from the JSON that {@link JsonReporter} wrote, so that a recorded verdict
 * can be rendered again in any format. A claim read back has no subject: the subject is the
 * evidence rule's input, and a recorded verdict is not checked again.
 */
public final class JsonVerdictReader {
  private JsonVerdictReader() {}

  /** The verdict in {@code root}; throws {@link IllegalArgumentException} naming the first field that is not as written. */
  public static Verdict read(JsonNode root) {
    if (root == null || !root.isObject() || !JsonReporter.SCHEMA.equals(root.path("schema").asText())) {
      throw new IllegalArgumentException("not a " + JsonReporter.SCHEMA + " document");
    }
    Outcome outcome = Outcome.valueOf(upper(text(root, "verdict")));
    JsonNode range = object(root, "range");
    RangeInfo rangeInfo = new RangeInfo(text(range, "spec"), nullable(range, "base"), nullable(range, "head"),
        nullable(range, "mergeBase"), range.path("commits").asInt(), nullable(range, "reason"));
    List<ClaimResult> claims = new ArrayList<>();
    for (JsonNode node : array(root, "claims")) {
      Claim claim = new Claim(text(node, "id"), ClaimKind.valueOf(upper(text(node, "kind"))), Strength.valueOf(upper(text(node, "strength"))),
          text(node, "text"), text(node, "source"), node.path("line").asInt(), null);
      claims.add(new ClaimResult(claim, ClaimStatus.valueOf(upper(text(node, "status"))), text(node, "evidence"), nullable(node, "path"),
          List.of()));
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, String> addedIn = new HashMap<>();
    for (JsonNode node : array(root, "findings")) {
      String ruleClass = nullable(node, "class");
      String commit = nullable(node, "commit");
      if (commit != null && nullable(node, "path") != null && node.path("line").isIntegralNumber()) {
        addedIn.put(Verdict.lineKey(node.get("path").asText(), node.get("line").asInt()), commit);
      }
      findings.add(Finding.builder(text(node, "rule"), text(node, "check"))
          .ruleClass(ruleClass == null ? null : RuleClass.parse(ruleClass))
          .severity(Severity.parse(text(node, "severity")))
          .at(nullable(node, "path"), node.path("line").isIntegralNumber() ? node.path("line").asInt() : null)
          .message(text(node, "message"))
          .snippet(nullable(node, "snippet"))
          .symbol(nullable(node, "symbol"))
          .reason(node.hasNonNull("reason") ? CodeReason.parse(node.get("reason").asText()) : CodeReason.NONE)
          .claim(nullable(node, "claim"))
          .suppression(suppression(node.get("suppression")))
          .build());
    }
    List<CheckRun> checks = new ArrayList<>();
    for (JsonNode node : array(root, "checks")) {
      checks.add(new CheckRun(text(node, "name"), CheckRun.Status.valueOf(upper(text(node, "status"))), node.path("millis").asLong(),
          nullable(node, "note")));
    }
    JsonNode inputs = object(root, "inputs");
    Inputs recorded = new Inputs(nullable(inputs, "head"), nullable(inputs, "base"), nullable(inputs, "mergeBase"),
        nullable(inputs, "prBodySha256"), nullable(inputs, "policySha256"), nullable(inputs, "catalogVersion"),
        nullable(inputs, "toolVersion"));
    List<String> notes = new ArrayList<>();
    for (JsonNode note : array(root, "notes")) {
      notes.add(note.asText());
    }
    return new Verdict(outcome, rangeInfo, claims, findings, checks, recorded, notes, root.path("cached").asBoolean(false), addedIn);
  }

  private static Suppression suppression(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    LocalDate until = null;
    String written = nullable(node, "until");
    if (written != null) {
      try {
        until = LocalDate.parse(written);
      } catch (DateTimeParseException e) {
        until = LocalDate.MIN;
      }
    }
    return new Suppression(nullable(node, "rule"), node.path("reason").asText(""), until, node.path("line").asInt());
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException("field `" + field + "` is not an object");
    }
    return value;
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("field `" + field + "` is not a list");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field `" + field + "` is not text");
    }
    return value.asText();
  }

  private static String nullable(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
