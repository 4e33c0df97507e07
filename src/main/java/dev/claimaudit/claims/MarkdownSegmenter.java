package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a commit message or a pull request body into {@link Segment}s, dropping what is not
 * the author's own statement: fenced code, quotes, HTML comments, trailers, unticked task
 * items and table separators.
 */
final class MarkdownSegmenter {
  /** Longest line considered; longer lines are cut so that a hostile body stays linear. */
  static final int MAX_LINE = 2_000;

  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```+|~~~+)");
  private static final Pattern TRAILER = Pattern.compile(
      "^(?i:(co-authored-by|signed-off-by|reviewed-by|acked-by|tested-by|reported-by|suggested-by|helped-by|cc|change-id|"
          + "refs?|see-also|bug|issue|link|fixes-commit|generated-by|assisted-by|on-behalf-of)):\\s.*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+");
  private static final Pattern TASK = Pattern.compile("^\\[( |x|X)\\]\\s*");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+");
  private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
  private static final Pattern LIST_HEADING = Pattern.compile("^(.{1,80}):\\s*$");
  private static final Pattern EMOJI = Pattern.compile("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}]");
  private static final Pattern LABELLED = Pattern.compile("^[A-Z][\\w /-]{0,30}:\\s+\\S");
  /**
   * Characters that print as nothing and split a word: zero-width spaces and joiners, word joiners,
   * soft hyphens, byte-order marks. Bidi controls are kept: they reorder what a reader sees, and
   * the report shows them escaped.
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\x{200B}-\\x{200D}\\x{2060}-\\x{2064}\\x{FEFF}\\x{00AD}]");
  private static final Pattern DONE_EMOJI = Pattern.compile("(?<=\\S)\\s*(?:\\x{2705}|\\x{2714}\\x{FE0F}?|\\x{2611}\\x{FE0F}?|\\x{1F680}|\\x{1F389}|\\x{1F4AF}|\\x{1F3C1})");
  /** Below this every character is plain text: no invisible character, emoji or check mark to clean. */
  private static final int FIRST_SYMBOL = 0x00AD;
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|~~)");

  private MarkdownSegmenter() {}

  static List<Segment> segments(String source) {
    String text = HtmlComments.strip(source == null ? "" : source);
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Segment> segments = new ArrayList<>();
    String fence = null;
    String heading = "";
    boolean previousBlank = true;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i].length() > MAX_LINE ? lines[i].substring(0, MAX_LINE) : lines[i];
      Matcher fenceMatch = FENCE.matcher(raw);
      if (fence != null) {
        if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0) && fenceMatch.group(1).length() >= fence.length()) {
          fence = null;
        }
        continue;
      }
      if (fenceMatch.find()) {
        fence = fenceMatch.group(1);
        continue;
      }
      String trimmed = raw.strip();
      if (trimmed.isEmpty()) {
        previousBlank = true;
        continue;
      }
      boolean indented = raw.startsWith("  ") || raw.startsWith("\t");
      if (trimmed.startsWith(">") || TRAILER.matcher(trimmed).matches() || TABLE_SEPARATOR.matcher(trimmed).matches()) {
        continue;
      }
      boolean isHeading = HEADING.matcher(raw).find();
      Matcher bullet = BULLET.matcher(raw);
      boolean listItem = bullet.find();
      String content = listItem ? raw.substring(bullet.end()) : trimmed;
      if (isHeading) {
        content = HEADING.matcher(raw).replaceFirst("");
      }
      Matcher task = TASK.matcher(content);
      if (listItem && task.find()) {
        if (task.group(1).isBlank()) {
          continue;
        }
        content = content.substring(task.end());
      }
      content = clean(content);
      if (content.isEmpty()) {
        continue;
      }
      if (content.startsWith("|") || content.endsWith("|")) {
        content = clean(content.replace('|', ' '));
      }
      if (isHeading) {
        heading = content.toLowerCase(Locale.ROOT);
        segments.add(new Segment(content, i + 1, "", false));
        previousBlank = true;
        continue;
      }
      Matcher listHeading = LIST_HEADING.matcher(content);
      if (!listItem && listHeading.matches()) {
        heading = listHeading.group(1).toLowerCase(Locale.ROOT);
        segments.add(new Segment(content, i + 1, "", false));
        previousBlank = false;
        continue;
      }
      boolean underHeading = !heading.isEmpty() && (listItem || indented || !previousBlank);
      if (!underHeading && !listItem) {
        heading = "";
      }
      boolean item = listItem || (indented && underHeading);
      Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (!previousBlank && !listItem && !item && last != null && continues(last) && !LABELLED.matcher(content).find()) {
        segments.set(segments.size() - 1, new Segment(last.text() + " " + content, last.line(), last.heading(), last.listItem()));
      } else {
        segments.add(new Segment(content, i + 1, underHeading ? heading : "", item));
      }
      previousBlank = false;
    }
    return segments;
  }

  /** Whether a prose line continues {@code last}: it is prose too and did not end its sentence with a colon. */
  private static boolean continues(Segment last) {
    return !last.listItem() && !last.text().endsWith(":") && last.text().length() < MAX_LINE;
  }

  private static String clean(String content) {
    if (content.chars().allMatch(c -> c < FIRST_SYMBOL)) {
      return EMPHASIS.matcher(content).replaceAll("").strip();
    }
    String visible = INVISIBLE.matcher(content).replaceAll("");
    // A check mark or rocket after words says the work is done ("Payments: ✅"); at the head of a
    // line it is a gitmoji naming the kind of change, and says nothing.
    String cleaned = EMOJI.matcher(DONE_EMOJI.matcher(visible).replaceAll(" done")).replaceAll("");
    cleaned = EMPHASIS.matcher(cleaned).replaceAll("");
    return cleaned.strip();
  }
}
