package dev.claimaudit.git;

/** The repository or the range cannot be audited as given; the message says what to fix. */
public final class GitInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GitInputException(String message) {
    super(message);
  }

  public GitInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
