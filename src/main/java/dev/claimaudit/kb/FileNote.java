package dev.claimaudit.kb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A review note on one file, kept in {@code file-notes.jsonl} and shown whenever a change touches the file.
 *
 * @param by the reviewer or model that wrote it, or {@code null}
 * @param attempts how many attempts the file took to get right, or {@code null}
 * @param time when it was written, or {@code null}
 */
public record FileNote(String path, String note, String by, Integer attempts, Instant time) {
  static final int MAX_NOTE = 4_000;
  static final int MAX_PATH = 1_000;
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", 1);
    node.put("path", path);
    node.put("note", note);
    node.put("by", by);
    if (attempts != null) {
      node.put("attempts", attempts);
    }
    node.put("time", time == null ? null : time.toString());
    return node.toString();
  }

  /** Why {@code path} and {@code note} cannot be a note, or {@code null} when they can. */
  public static String problem(String path, String note) {
    if (path == null || path.isBlank() || path.length() > MAX_PATH || path.indexOf('\0') >= 0 || path.startsWith("/")
        || path.contains("\\")) {
      return "path must be a repository-relative path with forward slashes";
    }
    if (note == null || note.isBlank()) {
      return "note must be non-empty text";
    }
    if (note.length() > MAX_NOTE) {
      return "note is longer than " + MAX_NOTE + " characters";
    }
    return null;
  }

  /** The note on one line, or why the line is not one. */
  public static Parsed parse(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return new Parsed(null, "not JSON");
    }
    if (node == null || !node.isObject()) {
      return new Parsed(null, "not a JSON object");
    }
    String path = string(node, "path");
    String note = string(node, "note");
    String problem = problem(path, note);
    if (problem != null) {
      return new Parsed(null, problem);
    }
    JsonNode attempts = node.get("attempts");
    if (attempts != null && !attempts.isNull() && (!attempts.isIntegralNumber() || !attempts.canConvertToInt() || attempts.asInt() < 0)) {
      return new Parsed(null, "attempts must be a whole number");
    }
    Instant time = null;
    String written = string(node, "time");
    if (written != null) {
      try {
        time = Instant.parse(written);
      } catch (DateTimeParseException e) {
        return new Parsed(null, "time is not an ISO-8601 instant");
      }
    }
    String by = string(node, "by");
    return new Parsed(new FileNote(path, note, by, attempts == null || attempts.isNull() ? null : attempts.asInt(), time), null);
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A line read as a note: {@code note}, or {@code problem} saying why it is not one. */
  public record Parsed(FileNote note, String problem) {}
}
