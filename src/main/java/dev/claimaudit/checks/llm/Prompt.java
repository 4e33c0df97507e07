package dev.claimaudit.checks.llm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model is shown, and so all it may cite.
 *
 * @param system the prompt's own words: the task, the rules and the answer's shape
 * @param user the claims and the added lines, each fenced as untrusted
 * @param claims the claims shown, id to text
 * @param shownLines the added lines shown, by path, line number to text
 * @param displayPaths how each shown path was written in the prompt, to its real path
 * @param leftOut files of the diff not shown or not shown in full, each with the reason
 * @param deletionOnly files that only lose lines, dropped because they add nothing to check
 * @param claimsLeftOut claims not shown because the claims alone would exceed their share of the budget
 */
record Prompt(
    String system,
    String user,
    Map<String, String> claims,
    Map<String, Map<Integer, String>> shownLines,
    Map<String, String> displayPaths,
    List<LeftOut> leftOut,
    int deletionOnly,
    int claimsLeftOut) {

  /** A file the model did not see in full. */
  record LeftOut(String path, String reason) {}

  /** The real path a cited path names, if the model was shown it. */
  Optional<String> resolve(String cited) {
    String path = cited.strip();
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (shownLines.containsKey(path)) {
      return Optional.of(path);
    }
    return Optional.ofNullable(displayPaths.get(path));
  }

  int length() {
    return system.length() + user.length();
  }
}
