package dev.claimaudit.kb;

import dev.claimaudit.input.InputException;

/** The knowledge base cannot be used as asked (a bad location, an unwritable directory, a broken ref); exit code 2. */
public class KbException extends InputException {
  private static final long serialVersionUID = 1L;

  public KbException(String message) {
    super(message);
  }

  public KbException(String message, Throwable cause) {
    super(message, cause);
  }
}
