package dev.claimaudit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

/**
 * Bounds for parsers fed arbitrary input. These are not speed measurements: a single input may
 * take at most {@link #PER_INPUT_MILLIS} (a backtracking blow-up takes seconds to forever), and
 * sixteen times the input may take at most {@link #GROWTH_ALLOWED} times as long (a linear
 * parser takes about sixteen times, a quadratic one two hundred and fifty-six).
 */
final class Bounds {
  static final long PER_INPUT_MILLIS = 2_000;
  static final int GROWTH_ALLOWED = 64;
  private static final long NOISE_MILLIS = 40;

  private Bounds() {}

  /** Runs {@code parse} on {@code input} and fails if it took longer than the per-input bound. */
  static <T> T withinBound(String what, String input, Function<String, T> parse) {
    long start = System.nanoTime();
    T result = parse.apply(input);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("%s took %d ms on an input of %d characters", what, millis, input.length()).isLessThan(PER_INPUT_MILLIS);
    return result;
  }

  /** Fails if {@code parse} on {@code seed} repeated to 16 times the size grows faster than {@link #GROWTH_ALLOWED}. */
  static void growsLinearly(String what, String seed, int smallChars, Function<String, ?> parse) {
    String unit = seed.isEmpty() ? " " : seed;
    String small = unit.repeat(Math.max(1, smallChars / unit.length()));
    String large = small.repeat(16);
    parse.apply(small);
    long smallNanos = best(small, parse);
    long largeNanos = best(large, parse);
    assertThat(largeNanos / 1_000_000)
        .as("%s: %d chars took %d µs, 16 times as many took %d µs", what, small.length(), smallNanos / 1_000, largeNanos / 1_000)
        .isLessThanOrEqualTo(GROWTH_ALLOWED * smallNanos / 1_000_000 + NOISE_MILLIS);
  }

  private static long best(String input, Function<String, ?> parse) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      parse.apply(input);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }
}
