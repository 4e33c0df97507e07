package dev.claimaudit.git;

import dev.claimaudit.input.InputException;

/** The repository or the range cannot be audited as given; the message says what to fix. */
public final class GitInputException extends InputException {
  private static final long serialVersionUID = 1L;

  public GitInputException(String message) {
    super(message);
  }

  public GitInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
