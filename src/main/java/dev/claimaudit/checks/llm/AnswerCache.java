package dev.claimaudit.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers kept in the state directory, one file per digest of endpoint, model and prompt, so that
 * auditing the same change twice asks the model once. A cached answer is read through the same
 * checks as a fresh one.
 */
final class AnswerCache {
  static final String SCHEMA = "claim-audit/llm-answer/v1";
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;
  private final ObjectMapper json = new ObjectMapper();

  AnswerCache(Path stateDir) {
    this.dir = stateDir.resolve("llm-answers");
  }

  static String key(String endpoint, String model, Prompt prompt) {
    return UntrustedText.sha256(endpoint + "\u0000" + model + "\u0000" + prompt.system() + "\u0000" + prompt.user());
  }

  /** The cached answer for {@code key}; an unreadable or foreign entry counts as none. */
  Optional<String> get(String key) {
    Path file = file(key);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 2L * ChatClient.MAX_ANSWER_BYTES) {
        return Optional.empty();
      }
      JsonNode entry = json.readTree(file.toFile());
      if (entry == null || !SCHEMA.equals(entry.path("schema").asText()) || !entry.path("content").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(entry.path("content").asText());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Keeps {@code content} for {@code key}, written whole or not at all. */
  void put(String key, String content) throws IOException {
    Files.createDirectories(dir);
    ObjectNode entry = json.createObjectNode();
    entry.put("schema", SCHEMA);
    entry.put("content", content);
    Path temp = Files.createTempFile(dir, ".answer-", ".tmp");
    try {
      json.writeValue(temp.toFile(), entry);
      Files.move(temp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    return dir.resolve(key + ".json");
  }
}
