package dev.claimaudit.git;

/**
 * A range as the user wrote it. {@code A..B} and {@code A...B} both mean the commits reachable
 * from B and not from A; a single revision {@code R} means {@code R^..R}; {@code base} is
 * {@code null} only for {@link #wholeHistory}.
 */
public record RangeSpec(String text, String base, String head, boolean single) {

  /** Everything reachable from {@code head}: what a push sends to a remote that has none of its history. */
  public static RangeSpec wholeHistory(String head) {
    return new RangeSpec(head + " (all of its history)", null, head, false);
  }

  /** {@code false} for {@link #wholeHistory}: nothing is excluded, and the diff starts from the empty tree. */
  public boolean hasBase() {
    return single || base != null;
  }

  public static RangeSpec parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new GitInputException("empty range: give A..B, A...B or a single revision");
    }
    int three = trimmed.indexOf("...");
    if (three >= 0) {
      return of(trimmed, trimmed.substring(0, three), trimmed.substring(three + 3));
    }
    int two = trimmed.indexOf("..");
    if (two >= 0) {
      return of(trimmed, trimmed.substring(0, two), trimmed.substring(two + 2));
    }
    return new RangeSpec(trimmed, trimmed + "^", trimmed, true);
  }

  private static RangeSpec of(String text, String base, String head) {
    return new RangeSpec(text, base.isEmpty() ? "HEAD" : base, head.isEmpty() ? "HEAD" : head, false);
  }
}
