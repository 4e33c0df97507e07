package dev.claimaudit.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML document read into a JSON tree, remembering the line of every key and list item so
 * that an error can point at it. Anchors, aliases, duplicate keys and further documents are
 * refused: each would make the file mean something other than what it shows.
 */
final class YamlDocument {
  /** Policies are short; a larger file is refused before it is parsed. */
  static final int MAX_CHARS = 256 * 1024;
  private static final int MAX_DEPTH = 24;

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /** The document's root: an object, or a missing node for an empty document. */
  JsonNode root() {
    return root;
  }

  /** The line of {@code key} (as {@code a.b[2].c}), else of its nearest parent, else 1. */
  int line(String key) {
    String at = key;
    while (!at.isEmpty()) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut < 0 ? "" : at.substring(0, cut);
    }
    return 1;
  }

  /**
   * Parses {@code text}; a syntax error is a {@link PolicyException} that {@code where} turns into
   * its message, given the line and the problem.
   */
  static YamlDocument parse(String text, Where where) {
    if (text.length() > MAX_CHARS) {
      throw where.at(1, "", "the file is larger than " + MAX_CHARS / 1024 + " KiB");
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setCodePointLimit(MAX_CHARS + 1);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlDocument(MissingNode.getInstance(), lines);
      }
      JsonNode root = new Reader(parser, lines, where).value("", 0);
      if (parser.nextToken() != null) {
        throw where.at(line(parser), "", "the file holds more than one YAML document (a second '---'); write one");
      }
      return new YamlDocument(root, lines);
    } catch (JsonProcessingException e) {
      throw where.at(line(e), "", "not valid YAML: " + problem(e));
    } catch (IOException e) {
      throw where.at(1, "", "cannot be read: " + e.getMessage());
    }
  }

  /** Makes the error for a line and key of the file being read. */
  interface Where {
    PolicyException at(int line, String key, String problem);
  }

  private static final class Reader {
    private final JsonParser parser;
    private final Map<String, Integer> lines;
    private final Where where;

    Reader(JsonParser parser, Map<String, Integer> lines, Where where) {
      this.parser = parser;
      this.lines = lines;
      this.where = where;
    }

    JsonNode value(String key, int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        throw where.at(line(parser), key, "nested more than " + MAX_DEPTH + " levels deep");
      }
      if (parser instanceof YAMLParser yaml && (yaml.isCurrentAlias() || yaml.getObjectId() != null)) {
        throw where.at(line(parser), key, "YAML anchors and aliases (&name, *name) are not supported; write the value out");
      }
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(key, depth);
        case START_ARRAY -> array(key, depth);
        case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
        case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
        case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
        case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
        case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
        default -> throw where.at(line(parser), key, "unexpected YAML content: " + token);
      };
    }

    private ObjectNode object(String key, int depth) throws IOException {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = key.isEmpty() ? name : key + "." + name;
        int line = line(parser);
        if (object.has(name)) {
          throw where.at(line, child, "duplicate key (first given on line " + lines.get(child) + ")");
        }
        lines.put(child, line);
        parser.nextToken();
        object.set(name, value(child, depth + 1));
      }
      return object;
    }

    private ArrayNode array(String key, int depth) throws IOException {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String child = key + "[" + array.size() + "]";
        lines.put(child, line(parser));
        array.add(value(child, depth + 1));
      }
      return array;
    }
  }

  private static int line(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  private static int line(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return marked.getProblemMark().getLine() + 1;
    }
    return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
  }

  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      String context = marked.getContext();
      return marked.getProblem() + (context == null ? "" : " (" + context + ")");
    }
    String message = e.getOriginalMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
  }
}
