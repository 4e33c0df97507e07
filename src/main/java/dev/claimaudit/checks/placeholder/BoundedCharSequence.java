package dev.claimaudit.checks.placeholder;

/**
 * A line that stops a regular expression which backtracks too long: {@code java.util.regex}
 * has no timeout, so every character read is counted and the match is abandoned past a budget.
 */
final class BoundedCharSequence implements CharSequence {
  /** Reads allowed per match attempt on one line; linear patterns use a small multiple of the length. */
  static final int BUDGET = 200_000;

  private final CharSequence text;
  private final int[] reads;

  BoundedCharSequence(CharSequence text) {
    this(text, new int[] {0});
  }

  private BoundedCharSequence(CharSequence text, int[] reads) {
    this.text = text;
    this.reads = reads;
  }

  @Override
  public char charAt(int index) {
    if (++reads[0] > BUDGET) {
      throw new BudgetExceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedCharSequence(text.subSequence(start, end), reads);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** Thrown when a match reads more characters than the budget allows. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super("regular expression exceeded its budget", null, false, false);
    }
  }
}
