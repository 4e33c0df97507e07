package dev.claimaudit.verdict;

/**
 * The audited range as resolved: full object ids and the number of commits.
 *
 * @param reason why this range was audited when nobody named one (e.g. "the upstream of feature"),
 *     or {@code null} when the command line or the event named it
 */
public record RangeInfo(String spec, String base, String head, String mergeBase, int commits, String reason) {

  /** A range that was named, not chosen. */
  public RangeInfo(String spec, String base, String head, String mergeBase, int commits) {
    this(spec, base, head, mergeBase, commits, null);
  }
}
