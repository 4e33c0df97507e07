package dev.claimaudit.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one way the policy writes a time-out: a number of seconds, or a number and a unit ({@code 90s}, {@code 10m}, {@code 1h}). */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?");

  private Durations() {}

  /** {@code text} as a duration, or empty when it is not written that way. */
  public static Optional<Duration> parse(String text) {
    Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return Optional.of(unit.startsWith("h") ? Duration.ofHours(amount) : unit.startsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount));
  }
}
