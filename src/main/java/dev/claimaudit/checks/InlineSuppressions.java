package dev.claimaudit.checks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code claim-audit: allow(rule-id) reason until=YYYY-MM-DD} out of a comment. */
public final class InlineSuppressions {
  /** The literal that every directive contains; lines without it are not parsed. */
  public static final String MARKER = "claim-audit:";

  private static final Pattern DIRECTIVE = Pattern.compile(
      "claim-audit:\\s*allow(?:\\(\\s*([A-Za-z0-9_-]{1,80})\\s*\\))?\\s*[:\\-—]?\\s*(.{0,500}?)\\s*(?:\\buntil=(\\S{1,20}))?\\s*(?:\\*/|-->)?\\s*$");

  private InlineSuppressions() {}

  /** The directive in {@code comment}, if it holds one; a malformed date keeps the directive with no expiry. */
  public static Optional<Suppression> parse(String comment, int line) {
    int at = comment.indexOf(MARKER);
    if (at < 0) {
      return Optional.empty();
    }
    Matcher matcher = DIRECTIVE.matcher(comment.substring(at, Math.min(comment.length(), at + 700)));
    if (!matcher.lookingAt()) {
      return Optional.empty();
    }
    LocalDate until = null;
    if (matcher.group(3) != null) {
      try {
        until = LocalDate.parse(matcher.group(3));
      } catch (DateTimeParseException e) {
        until = LocalDate.MIN;
      }
    }
    return Optional.of(new Suppression(matcher.group(1), matcher.group(2).strip(), until, line));
  }
}
