package dev.claimaudit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The words and patterns by which the reason a placeholder's code gives is read: data in
 * {@code /dev/claimaudit/reasons.json}, documented in {@code docs/rules.md}. A pattern is matched
 * case-insensitively unless it starts with {@code (?-i)}.
 *
 * @param filler words that say nothing about why a test is skipped
 * @param admitted patterns of a gap the code owns up to (flaky, not supported yet, a tracking issue)
 * @param external patterns of a reason outside the change (a service, credentials, an end of life)
 * @param conditions patterns of code that makes a skip depend on the platform, the environment or the build
 * @param conditional patterns of skip constructs that are conditional by themselves
 * @param generic words a stub's message may hold that name nothing in particular
 * @param admission the pattern of a stub's message that says something is not supported or implemented
 * @param subCase the pattern of a message naming the case that is missing ("for Windows", "with tools")
 * @param mentions the pattern of a comment above a skip that speaks of it, and so counts as its reason
 * @param unexcused rule ids whose findings no reason excuses (focus, tautologies, empty tests)
 * @param about the description of each part, for the docs
 */
public record ReasonVocabulary(Set<String> filler, List<Pattern> admitted, List<Pattern> external, List<Pattern> conditions,
    List<Pattern> conditional, Set<String> generic, Pattern admission, Pattern subCase, Pattern mentions, Set<String> unexcused, List<String> about) {

  private static final String RESOURCE = "/dev/claimaudit/reasons.json";
  private static volatile ReasonVocabulary builtIn;

  /** The built-in vocabulary, read once. */
  public static ReasonVocabulary builtIn() {
    ReasonVocabulary vocabulary = builtIn;
    if (vocabulary == null) {
      vocabulary = load();
      builtIn = vocabulary;
    }
    return vocabulary;
  }

  private static ReasonVocabulary load() {
    JsonNode root;
    try (InputStream in = ReasonVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CatalogException("the built-in reason vocabulary " + RESOURCE + " is missing");
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new CatalogException("cannot read " + RESOURCE + ": " + e.getMessage());
    }
    List<String> about = new ArrayList<>();
    for (String part : List.of("filler", "admitted", "external", "conditions", "conditional", "mentions", "unexcused", "stub")) {
      about.add(part + ": " + root.path(part).path("about").asText());
    }
    return new ReasonVocabulary(words(root.path("filler").path("words")), patterns(root.path("admitted"), "admitted"),
        patterns(root.path("external"), "external"), patterns(root.path("conditions"), "conditions"),
        patterns(root.path("conditional"), "conditional"), words(root.path("stub").path("generic")),
        compile(root.path("stub").path("admission").asText(), "stub.admission"), compile(root.path("stub").path("subCase").asText(), "stub.subCase"), compile(root.path("mentions").path("pattern").asText(), "mentions"),
        words(root.path("unexcused").path("rules")), List.copyOf(about));
  }

  private static Set<String> words(JsonNode array) {
    Set<String> words = new LinkedHashSet<>();
    array.forEach(word -> words.add(word.asText()));
    return Set.copyOf(words);
  }

  private static List<Pattern> patterns(JsonNode part, String name) {
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode pattern : part.path("patterns")) {
      patterns.add(compile(pattern.asText(), name));
    }
    return List.copyOf(patterns);
  }

  private static Pattern compile(String pattern, String where) {
    try {
      return pattern.startsWith("(?-i)") ? Pattern.compile(pattern) : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw new CatalogException(RESOURCE + ": " + where + ": pattern does not compile: " + e.getDescription());
    }
  }

  /** Whether any of {@code patterns} is found in {@code text}. */
  public static boolean any(List<Pattern> patterns, String text) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }
}
