package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Region;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.rules.Rule.Example;
import dev.claimaudit.rules.Rule.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads rule files: the built-in catalog (one resource per language under
 * {@code /dev/claimaudit/rules/}) and user rules, through the same validation.
 */
public final class CatalogLoader {
  /** Resource files of the built-in catalog, in catalog order. */
  public static final List<String> BUILT_IN_FILES = builtInFiles();

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern EXAMPLE_TAG = Pattern.compile("^\\[(\\w+)\\] ");
  private static final Set<String> FIELDS = Set.of(
      "id", "languages", "class", "in", "pattern", "keywords", "scope", "ifPrevious", "unlessInside", "ifInside", "unlessEnclosedBy", "ifAnnotated",
      "bodyOnly", "bodyComment", "unlessBlock", "blockComment", "unlessFile", "title", "rationale", "match", "noMatch");

  private final ObjectMapper mapper = new ObjectMapper();

  private static List<String> builtInFiles() {
    List<String> files = new ArrayList<>();
    files.add("common.json");
    for (Language language : Language.values()) {
      files.add(language.id() + ".json");
    }
    return List.copyOf(files);
  }

  /** The built-in catalog. */
  public Catalog builtIn() {
    List<Rule> rules = new ArrayList<>();
    MessageDigest digest = sha256();
    Set<String> ids = new HashSet<>();
    for (String file : BUILT_IN_FILES) {
      byte[] bytes = resource(file);
      if (bytes == null) {
        continue;
      }
      digest.update(bytes);
      rules.addAll(parse(file, new String(bytes, StandardCharsets.UTF_8), ids));
    }
    return new Catalog(rules, HexFormat.of().formatHex(digest.digest()).substring(0, 12));
  }

  /** Rules from a user file, checked like the built-in ones and against {@code taken} ids. */
  public List<Rule> parse(String file, String json, Set<String> taken) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CatalogException(file + ": not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode array = root != null && root.isObject() ? root.get("rules") : root;
    if (array == null || !array.isArray()) {
      throw new CatalogException(file + ": expected an object with a \"rules\" array");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      rules.add(rule(file, i, array.get(i), taken));
    }
    return rules;
  }

  /** Builds one rule from its JSON or YAML tree; used for policy-defined rules as well. */
  public Rule rule(String file, int index, JsonNode node, Set<String> taken) {
    String where = file + ": rule #" + (index + 1);
    if (node == null || !node.isObject()) {
      throw new CatalogException(where + ": expected an object");
    }
    String id = text(node, "id", where);
    where = file + ": rule `" + id + "`";
    if (!ID.matcher(id).matches()) {
      throw new CatalogException(where + ": id must be lower-case words joined by '-'");
    }
    if (!taken.add(id)) {
      throw new CatalogException(where + ": id is used by another rule");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new CatalogException(where + ": unknown field `" + name + "`");
      }
    }
    Set<Language> languages = new LinkedHashSet<>();
    for (String language : strings(node, "languages", where)) {
      try {
        languages.add(Language.parse(language));
      } catch (IllegalArgumentException e) {
        throw new CatalogException(where + ": languages: unknown language `" + language + "`");
      }
    }
    if (languages.isEmpty()) {
      throw new CatalogException(where + ": languages: must name at least one language");
    }
    RuleClass ruleClass;
    try {
      ruleClass = RuleClass.parse(text(node, "class", where));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(where + ": class: must be hard-stub, test-evasion or soft-marker");
    }
    Region region;
    try {
      region = Region.parse(text(node, "in", where));
    } catch (IllegalArgumentException e) {
      throw new CatalogException(where + ": in: must be code, comment or string");
    }
    Pattern pattern = pattern(node, "pattern", where);
    List<String> keywords = strings(node, "keywords", where);
    if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
      throw new CatalogException(where + ": keywords: must list at least one non-blank literal");
    }
    Scope scope = Scope.ANY;
    if (node.has("scope")) {
      try {
        scope = Scope.parse(text(node, "scope", where));
      } catch (IllegalArgumentException e) {
        throw new CatalogException(where + ": scope: must be any, tests or sources");
      }
    }
    Optional<Pattern> ifPrevious = node.has("ifPrevious") ? Optional.of(pattern(node, "ifPrevious", where)) : Optional.empty();
    Optional<Pattern> unlessInside = optionalPattern(node, "unlessInside", where);
    Rule.Structure structure = new Rule.Structure(optionalPattern(node, "ifInside", where), optionalPattern(node, "unlessEnclosedBy", where),
        optionalPattern(node, "ifAnnotated", where),
        optionalPattern(node, "bodyOnly", where), optionalPattern(node, "bodyComment", where), optionalPattern(node, "unlessBlock", where),
        optionalPattern(node, "blockComment", where), optionalPattern(node, "unlessFile", where));
    List<Example> match = examples(node, "match", where, languages);
    if (match.isEmpty()) {
      throw new CatalogException(where + ": match: must give at least one example");
    }
    List<Example> noMatch = node.has("noMatch") ? examples(node, "noMatch", where, languages) : List.of();
    return new Rule(id, languages, ruleClass, region, pattern, keywords, scope, ifPrevious, unlessInside,
        text(node, "title", where), text(node, "rationale", where), match, noMatch, structure);
  }

  private static Optional<Pattern> optionalPattern(JsonNode node, String field, String where) {
    return node.has(field) ? Optional.of(pattern(node, field, where)) : Optional.empty();
  }

  private static Pattern pattern(JsonNode node, String field, String where) {
    try {
      return Pattern.compile(text(node, field, where));
    } catch (PatternSyntaxException e) {
      throw new CatalogException(where + ": " + field + " does not compile: " + e.getDescription());
    }
  }

  /** Examples in the rule's first language, or in the one their {@code [language] } tag names. */
  private static List<Example> examples(JsonNode node, String field, String where, Set<Language> languages) {
    List<Example> examples = new ArrayList<>();
    List<String> texts = strings(node, field, where);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      Matcher tag = EXAMPLE_TAG.matcher(text);
      Language language = languages.iterator().next();
      if (tag.lookingAt()) {
        try {
          language = Language.parse(tag.group(1));
        } catch (IllegalArgumentException e) {
          throw new CatalogException(where + ": " + field + " #" + (i + 1) + ": unknown language tag [" + tag.group(1) + "]");
        }
        if (!languages.contains(language)) {
          throw new CatalogException(where + ": " + field + " #" + (i + 1) + ": tag [" + tag.group(1) + "] is not one of the rule's languages");
        }
        text = text.substring(tag.end());
      }
      if (text.isBlank()) {
        throw new CatalogException(where + ": " + field + " #" + (i + 1) + ": example is blank");
      }
      examples.add(new Example(language, text));
    }
    return List.copyOf(examples);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new CatalogException(where + ": " + field + ": must be a non-empty string");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new CatalogException(where + ": " + field + ": must be a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new CatalogException(where + ": " + field + ": must be a list of strings");
      }
      items.add(item.asText());
    }
    return List.copyOf(items);
  }

  private static byte[] resource(String file) {
    try (InputStream in = CatalogLoader.class.getResourceAsStream("/dev/claimaudit/rules/" + file)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new CatalogException("cannot read built-in rule file " + file + ": " + e.getMessage());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

}
