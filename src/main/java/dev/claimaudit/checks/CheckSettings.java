package dev.claimaudit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the optional checks need beyond the change itself: the command-line switches, their
 * policy blocks (raw, each check parses and validates its own), and the process environment.
 *
 * @param workTree the repository's work tree, empty for a bare repository
 * @param dynamicFlag {@code --dynamic} was given
 * @param llmFlag {@code --llm} (true), {@code --no-llm} (false) or neither ({@code null})
 * @param blocks the policy's settings blocks by key ({@code dynamic}, {@code llm}, {@code kb})
 * @param stateDir where checks may keep state (answer caches), or {@code null}
 * @param env the process environment
 */
public record CheckSettings(
    Optional<Path> workTree,
    boolean dynamicFlag,
    Boolean llmFlag,
    Map<String, JsonNode> blocks,
    Path stateDir,
    Map<String, String> env) {

  public static CheckSettings defaults() {
    return new CheckSettings(Optional.empty(), false, null, Map.of(), null, Map.of());
  }

  /** The policy block {@code key}, or a missing node. */
  public JsonNode block(String key) {
    JsonNode node = blocks.get(key);
    return node == null ? MissingNode.getInstance() : node;
  }
}
