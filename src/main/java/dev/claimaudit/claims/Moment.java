package dev.claimaudit.claims;

import java.util.Comparator;

/**
 * When a statement was made, for "the later word wins": commits in the order they were made,
 * then the pull request's title, then its body; within a text, line by line.
 *
 * @param source 0 for the first commit of the range, counting up; the pull request after every commit
 * @param line the 1-based line within the source
 * @param sentence the 0-based sentence within the line
 */
public record Moment(int source, int line, int sentence) implements Comparable<Moment> {
  public static final Moment FIRST = new Moment(0, 0, 0);

  private static final Comparator<Moment> ORDER =
      Comparator.comparingInt(Moment::source).thenComparingInt(Moment::line).thenComparingInt(Moment::sentence);

  public Moment(int source, int line) {
    this(source, line, 0);
  }

  /** The moment of a later sentence of the same line. */
  public Moment sentence(int index) {
    return new Moment(source, line, index);
  }

  @Override
  public int compareTo(Moment other) {
    return ORDER.compare(this, other);
  }

  public boolean after(Moment other) {
    return compareTo(other) > 0;
  }
}
