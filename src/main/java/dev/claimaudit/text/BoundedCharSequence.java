package dev.claimaudit.text;

/**
 * A line that stops a regular expression which backtracks too long: {@code java.util.regex}
 * has no timeout, so every character read is counted and the match is abandoned past a budget.
 * Reads may also be paid from a budget shared by many matches (a policy's rule probes).
 */
public final class BoundedCharSequence implements CharSequence {
  /** Reads allowed per match attempt on one line; linear patterns use a small multiple of the length. */
  public static final int BUDGET = 200_000;

  private final CharSequence text;
  private final int[] reads;
  private final MatchBudget shared;

  public BoundedCharSequence(CharSequence text) {
    this(text, new int[] {0}, null);
  }

  /** A line whose reads are also taken from {@code shared}; {@link SharedBudgetSpent} when it runs out. */
  public BoundedCharSequence(CharSequence text, MatchBudget shared) {
    this(text, new int[] {0}, shared);
  }

  private BoundedCharSequence(CharSequence text, int[] reads, MatchBudget shared) {
    this.text = text;
    this.reads = reads;
    this.shared = shared;
  }

  @Override
  public char charAt(int index) {
    if (++reads[0] > BUDGET) {
      throw new BudgetExceeded();
    }
    if (shared != null && !shared.spend()) {
      throw new SharedBudgetSpent();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedCharSequence(text.subSequence(start, end), reads, shared);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** Thrown when a match reads more characters than the budget allows. */
  public static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super("regular expression exceeded its budget", null, false, false);
    }
  }

  /** Thrown when the budget shared by many matches is spent. */
  public static final class SharedBudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SharedBudgetSpent() {
      super("the shared matching budget is spent", null, false, false);
    }
  }
}
