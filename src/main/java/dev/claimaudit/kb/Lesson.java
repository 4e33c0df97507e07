package dev.claimaudit.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One block or warn finding of one audit, as remembered in {@code lessons.jsonl}.
 *
 * @param pr the pull request it was found in
 * @param head the head commit audited, or {@code null}
 * @param signature {@link Signature} of the finding
 * @param snippet the normalised snippet the signature was made from
 */
public record Lesson(Instant time, int pr, String head, String rule, String severity, String signature, String path, Integer line,
    String snippet) {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", 1);
    node.put("time", time.toString());
    node.put("pr", pr);
    node.put("head", head);
    node.put("rule", rule);
    node.put("severity", severity);
    node.put("sig", signature);
    node.put("path", path);
    if (line == null) {
      node.putNull("line");
    } else {
      node.put("line", line);
    }
    node.put("snippet", snippet);
    return node.toString();
  }

  /** The lesson on one line, or why the line is not one. */
  public static Parsed parse(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return Parsed.bad("not JSON");
    }
    if (node == null || !node.isObject()) {
      return Parsed.bad("not a JSON object");
    }
    String signature = string(node, "sig");
    if (signature == null || !SIGNATURE.matcher(signature).matches()) {
      return Parsed.bad("no valid sig");
    }
    String rule = string(node, "rule");
    if (rule == null || !RULE.matcher(rule).matches()) {
      return Parsed.bad("no valid rule");
    }
    JsonNode pr = node.get("pr");
    if (pr == null || !pr.isIntegralNumber() || !pr.canConvertToInt() || pr.asInt() < 1) {
      return Parsed.bad("no valid pr");
    }
    String time = string(node, "time");
    Instant instant;
    try {
      instant = time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      instant = null;
    }
    if (instant == null) {
      return Parsed.bad("no valid time");
    }
    String head = string(node, "head");
    if (head != null && !SHA.matcher(head).matches()) {
      return Parsed.bad("head is not a commit id");
    }
    String severity = string(node, "severity");
    JsonNode line = node.get("line");
    Integer lineNumber = line != null && line.isIntegralNumber() && line.canConvertToInt() ? line.asInt() : null;
    return new Parsed(new Lesson(instant, pr.asInt(), head, rule, severity, signature, string(node, "path"), lineNumber,
        string(node, "snippet")), null);
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A line read as a lesson: {@code lesson}, or {@code problem} saying why it is not one. */
  public record Parsed(Lesson lesson, String problem) {
    static Parsed bad(String problem) {
      return new Parsed(null, problem);
    }
  }
}
