package dev.claimaudit.cli.shell;

import dev.claimaudit.input.InputException;

/** Input the audit cannot use; reported as one line and exit code 2. */
public final class BadInputException extends InputException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
