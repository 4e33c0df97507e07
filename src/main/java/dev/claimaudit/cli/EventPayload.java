package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.claims.PullRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a Gitea or GitHub {@code pull_request} event payload and validates the fields the audit
 * relies on; anything missing or malformed is a {@link BadInputException} naming the field.
 */
final class EventPayload {
  /** Larger payloads are refused rather than read into memory. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
  private static final Pattern ACTION = Pattern.compile("[a-z_]{1,40}");

  /**
   * A pull request event.
   *
   * @param action what happened, GitHub's {@code synchronize} spelled as Gitea's {@code synchronized};
   *     {@code null} when the payload has none
   * @param repository {@code owner/name}, or {@code null}
   */
  record Event(String action, PullRequest pullRequest, String repository) {}

  private EventPayload() {}

  static Event read(Path file) {
    byte[] bytes;
    // Read up to the bound, not by the size the file reports: a pipe or a device reports none.
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new BadInputException("event payload " + file + " is larger than 16 MiB");
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("event payload " + file + " does not exist", e);
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

  static Event parse(JsonNode root, String where) {
    if (root == null || !root.isObject()) {
      throw new BadInputException("event payload " + where + " is not a JSON object");
    }
    JsonNode pr = root.get("pull_request");
    if (pr == null || !pr.isObject()) {
      throw new BadInputException("event payload " + where + " has no pull_request object: is it a pull_request event?");
    }
    String action = action(root.get("action"), where);
    Integer number = number(pr.get("number"), root.get("number"), where);
    String head = objectId(pr.path("head").get("sha"), "pull_request.head.sha", where, true);
    String base = objectId(pr.path("base").get("sha"), "pull_request.base.sha", where, true);
    String mergeBase = objectId(pr.get("merge_base"), "pull_request.merge_base", where, false);
    JsonNode draft = pr.get("draft");
    if (draft != null && !draft.isNull() && !draft.isBoolean()) {
      throw new BadInputException("event payload " + where + ": pull_request.draft must be true or false");
    }
    PullRequest pullRequest = new PullRequest(number, text(pr, "title", where), text(pr, "body", where),
        draft != null && draft.asBoolean(false), base, head, mergeBase);
    JsonNode repository = root.path("repository").get("full_name");
    return new Event(action, pullRequest, repository != null && repository.isTextual() ? repository.asText() : null);
  }

  private static String action(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || !ACTION.matcher(node.asText()).matches()) {
      throw new BadInputException("event payload " + where + ": action must be a word such as opened or synchronized");
    }
    String action = node.asText().toLowerCase(Locale.ROOT);
    return action.equals("synchronize") ? "synchronized" : action;
  }

  private static Integer number(JsonNode inPullRequest, JsonNode atTop, String where) {
    JsonNode node = inPullRequest != null && !inPullRequest.isNull() ? inPullRequest : atTop;
    if (node == null || node.isNull()) {
      throw new BadInputException("event payload " + where + ": pull_request.number is missing");
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
      throw new BadInputException("event payload " + where + ": pull_request.number must be a positive whole number");
    }
    return node.asInt();
  }

  private static String text(JsonNode pr, String field, String where) {
    JsonNode value = pr.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new BadInputException("event payload " + where + ": pull_request." + field + " must be a string");
    }
    return value.asText();
  }

  private static String objectId(JsonNode node, String field, String where, boolean required) {
    if (node == null || node.isNull() || (!required && node.isTextual() && node.asText().isEmpty())) {
      if (required) {
        throw new BadInputException("event payload " + where + ": " + field + " is missing");
      }
      return null;
    }
    if (!node.isTextual() || !OBJECT_ID.matcher(node.asText()).matches()) {
      throw new BadInputException("event payload " + where + ": " + field + " is not a full commit id (40 or 64 hex digits)");
    }
    return node.asText().toLowerCase(Locale.ROOT);
  }
}
