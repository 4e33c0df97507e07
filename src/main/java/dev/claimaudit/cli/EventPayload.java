package dev.claimaudit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.claims.PullRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Gitea or GitHub {@code pull_request} event payload. */
final class EventPayload {
  /** Larger payloads are refused rather than read into memory. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private EventPayload() {}

  static PullRequest read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new BadInputException("event payload " + file + " is larger than 16 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException("cannot read event payload " + file + ": " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BadInputException("event payload " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException("cannot read event payload " + file + ": " + e.getMessage(), e);
    }
    return parse(root, file.toString());
  }

  static PullRequest parse(JsonNode root, String where) {
    if (root == null || !root.isObject()) {
      throw new BadInputException("event payload " + where + " is not a JSON object");
    }
    JsonNode pr = root.get("pull_request");
    if (pr == null || !pr.isObject()) {
      throw new BadInputException("event payload " + where + " has no pull_request object (is this a pull_request event?)");
    }
    Integer number = pr.path("number").isIntegralNumber() ? Integer.valueOf(pr.path("number").asInt())
        : root.path("number").isIntegralNumber() ? Integer.valueOf(root.path("number").asInt()) : null;
    return new PullRequest(
        number,
        text(pr, "title"),
        text(pr, "body"),
        pr.path("draft").asBoolean(false),
        sha(pr.path("base")),
        sha(pr.path("head")),
        pr.path("merge_base").isTextual() ? pr.path("merge_base").asText() : null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? "" : value.asText();
  }

  private static String sha(JsonNode ref) {
    JsonNode sha = ref.get("sha");
    return sha != null && sha.isTextual() && sha.asText().matches("[0-9a-fA-F]{7,64}") ? sha.asText() : null;
  }
}
