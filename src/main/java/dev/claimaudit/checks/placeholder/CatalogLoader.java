package dev.claimaudit.checks.placeholder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.checks.RuleClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
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
  private static final Set<String> FIELDS = Set.of(
      "id", "languages", "class", "in", "pattern", "keywords", "scope", "title", "rationale", "match", "noMatch");

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
    Set<Language> languages = EnumSet.noneOf(Language.class);
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
    Pattern pattern;
    try {
      pattern = Pattern.compile(text(node, "pattern", where));
    } catch (PatternSyntaxException e) {
      throw new CatalogException(where + ": pattern does not compile: " + e.getDescription());
    }
    List<String> keywords = strings(node, "keywords", where);
    if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
      throw new CatalogException(where + ": keywords: must list at least one non-blank literal");
    }
    String scope = node.has("scope") ? text(node, "scope", where) : "any";
    if (!scope.equals("any") && !scope.equals("tests")) {
      throw new CatalogException(where + ": scope: must be any or tests");
    }
    return new Rule(id, languages, ruleClass, region, pattern, keywords, scope.equals("tests"),
        text(node, "title", where), text(node, "rationale", where),
        strings(node, "match", where), node.has("noMatch") ? strings(node, "noMatch", where) : List.of());
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
