package dev.claimaudit.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One block or warn finding of one audit, as remembered in {@code lessons.jsonl}.
 *
 * @param pr the pull request it was found in
 * @param head the head commit audited, or {@code null}
 * @param signature {@link Signature} of the finding
 * @param snippet the normalised snippet the signature was made from
 */
public record Lesson(Instant time, int pr, String head, String rule, String severity, String signature, String path, Integer line,
    String snippet) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", 1);
    node.put("time", time.toString());
    node.put("pr", pr);
    node.put("head", head);
    node.put("rule", rule);
    node.put("severity", severity);
    node.put("sig", signature);
    node.put("path", path);
    if (line == null) {
      node.putNull("line");
    } else {
      node.put("line", line);
    }
    node.put("snippet", snippet);
    return node.toString();
  }

  /**
   * The lesson on one line, or why the line is not one. Read with the streaming parser: a
   * knowledge base of many thousands of lines is read on every audit.
   */
  public static Parsed parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #parse(String)} straight from the stored bytes, which the parser checks as UTF-8 as it reads them. */
  public static Parsed parse(byte[] bytes) {
    String signature = null;
    String rule = null;
    String time = null;
    String head = null;
    String severity = null;
    String path = null;
    String snippet = null;
    Integer pr = null;
    Integer line = null;
    boolean badPr = false;
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Parsed.bad("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        String textValue = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        switch (name) {
          case "sig" -> signature = textValue;
          case "rule" -> rule = textValue;
          case "time" -> time = textValue;
          case "head" -> head = textValue;
          case "severity" -> severity = textValue;
          case "path" -> path = textValue;
          case "snippet" -> snippet = textValue;
          case "pr" -> {
            pr = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
            badPr = pr == null;
          }
          case "line" -> line = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
              ? parser.getIntValue() : null;
          default -> {
            // Fields this version does not know: a later version may add them.
          }
        }
        parser.skipChildren();
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return Parsed.bad("not JSON");
      }
    } catch (CharConversionException e) {
      return Parsed.bad("not UTF-8");
    } catch (IOException e) {
      String message = e.getMessage();
      return Parsed.bad(message != null && message.contains("UTF-8") ? "not UTF-8" : "not JSON");
    }
    if (signature == null || !SIGNATURE.matcher(signature).matches()) {
      return Parsed.bad("no valid sig");
    }
    if (rule == null || !RULE.matcher(rule).matches()) {
      return Parsed.bad("no valid rule");
    }
    if (badPr || pr == null || pr < 1) {
      return Parsed.bad("no valid pr");
    }
    Instant instant = time == null ? null : instant(time);
    if (instant == null) {
      return Parsed.bad("no valid time");
    }
    if (head != null && !SHA.matcher(head).matches()) {
      return Parsed.bad("head is not a commit id");
    }
    return new Parsed(new Lesson(instant, pr, head, rule, severity, signature, path, line, snippet), null);
  }

  /**
   * The instant in {@code text}: the form {@link Instant#toString()} writes is read by hand,
   * which is several times faster than the general parser, and anything else by that parser.
   */
  static Instant instant(String text) {
    int length = text.length();
    if (length >= 20 && length <= 30 && text.charAt(length - 1) == 'Z' && digits(text, 0, 4) && text.charAt(4) == '-'
        && digits(text, 5, 7) && text.charAt(7) == '-' && digits(text, 8, 10) && text.charAt(10) == 'T' && digits(text, 11, 13)
        && text.charAt(13) == ':' && digits(text, 14, 16) && text.charAt(16) == ':' && digits(text, 17, 19)
        && (length == 20 || text.charAt(19) == '.' && length > 21 && digits(text, 20, length - 1))) {
      try {
        int nanos = 0;
        if (length > 20) {
          String fraction = text.substring(20, length - 1);
          nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        }
        return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13), number(text, 14, 16),
            number(text, 17, 19), nanos).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        return null;
      }
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** A line read as a lesson: {@code lesson}, or {@code problem} saying why it is not one. */
  public record Parsed(Lesson lesson, String problem) {
    static Parsed bad(String problem) {
      return new Parsed(null, problem);
    }
  }
}
