package dev.claimaudit.checks.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the model's answer as untrusted input: finds the JSON object in it, and keeps only the
 * gaps that cite a claim, a path and an added line the model was shown. Everything else in the
 * answer (a verdict, "all claims verified", a request to remove a block) has no field to land in.
 */
final class AnswerReader {
  /** The most gaps looked at in one answer; the rest are dropped unread. */
  static final int MAX_GAPS_READ = 1_000;
  private static final int MAX_PARSE_TRIES = 50;
  private static final int MAX_MESSAGE = 300;
  private static final Pattern THINKING = Pattern.compile("(?s)<(think|thinking|reasoning)>.*?</\\1>");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

  private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build());

  /** A gap the model named, with a citation checked against the prompt. */
  record Gap(String claim, String path, int line, String message, String lineText) {}

  /**
   * The gaps kept and what was dropped.
   *
   * @param dropped gaps whose citation does not hold (a hallucination) or that are malformed
   * @param droppedExamples up to three of them, as cited
   * @param ignoredFields fields of the answer other than {@code gaps}
   */
  record Review(List<Gap> gaps, int dropped, List<String> droppedExamples, List<String> ignoredFields) {}

  /** The first JSON object in the answer that has a {@code gaps} field; reasoning blocks are skipped. */
  JsonNode answerObject(String content) throws LlmFailure {
    String text = THINKING.matcher(content).replaceAll(" ");
    char[] chars = text.toCharArray();
    boolean sawObject = false;
    int tries = 0;
    for (int at = text.indexOf('{'); at >= 0 && tries < MAX_PARSE_TRIES; at = text.indexOf('{', at + 1), tries++) {
      try (JsonParser parser = json.getFactory().createParser(chars, at, chars.length - at)) {
        JsonNode node = json.readTree(parser);
        if (node != null && node.isObject()) {
          if (node.has("gaps")) {
            return node;
          }
          sawObject = true;
        }
      } catch (IOException e) {
        // Not an object here: the next brace may open one.
      }
    }
    throw new LlmFailure(sawObject ? "the answer's JSON has no \"gaps\" list" : "the answer holds no JSON object");
  }

  /** The gaps of {@code answer} whose citations hold, in the model's order, without repeats. */
  Review review(JsonNode answer, Prompt prompt) throws LlmFailure {
    JsonNode gaps = answer.get("gaps");
    if (gaps == null || !gaps.isArray()) {
      throw new LlmFailure("the answer's \"gaps\" is not a list");
    }
    List<String> ignored = new ArrayList<>();
    for (Iterator<String> names = answer.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("gaps") && ignored.size() < 5) {
        ignored.add(UntrustedText.oneLine(name, 40));
      }
    }
    List<Gap> kept = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dropped = 0;
    int read = 0;
    for (JsonNode item : gaps) {
      if (read++ == MAX_GAPS_READ) {
        dropped += gaps.size() - MAX_GAPS_READ;
        break;
      }
      Gap gap = gap(item, prompt);
      if (gap == null) {
        dropped++;
        if (examples.size() < 3) {
          examples.add(cited(item));
        }
      } else if (seen.add(gap.claim() + "\n" + gap.path() + "\n" + gap.line())) {
        kept.add(gap);
      }
    }
    return new Review(kept, dropped, examples, ignored);
  }

  private static Gap gap(JsonNode item, Prompt prompt) {
    if (!item.isObject()) {
      return null;
    }
    String claim = item.path("claim").isTextual() ? item.path("claim").asText().strip() : null;
    String path = item.path("path").isTextual() ? prompt.resolve(item.path("path").asText()).orElse(null) : null;
    Integer line = line(item.path("line"));
    String message = item.path("message").isTextual() ? UntrustedText.oneLine(item.path("message").asText(), MAX_MESSAGE) : "";
    if (claim == null || !prompt.claims().containsKey(claim) || path == null || line == null || message.isEmpty()) {
      return null;
    }
    Map<Integer, String> lines = prompt.shownLines().get(path);
    if (lines == null || !lines.containsKey(line)) {
      return null;
    }
    return new Gap(claim, path, line, message, lines.get(line));
  }

  private static Integer line(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isTextual() && WHOLE_NUMBER.matcher(node.asText().strip()).matches()) {
      return Integer.parseInt(node.asText().strip());
    }
    return null;
  }

  /** How a dropped gap cited its evidence, for the note. */
  private static String cited(JsonNode item) {
    if (!item.isObject()) {
      return "(not an object)";
    }
    String claim = item.path("claim").isValueNode() ? item.path("claim").asText() : "?";
    String path = item.path("path").isValueNode() ? item.path("path").asText() : "?";
    String line = item.path("line").isValueNode() ? item.path("line").asText() : "?";
    return UntrustedText.oneLine(claim, 20) + " " + UntrustedText.oneLine(path, 80) + ":" + UntrustedText.oneLine(line, 12);
  }
}
