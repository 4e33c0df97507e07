package dev.claimaudit.kb;

/** The knowledge base cannot be used as asked (a bad location, an unwritable directory, a broken ref); exit code 2. */
public final class KbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KbException(String message) {
    super(message);
  }

  public KbException(String message, Throwable cause) {
    super(message, cause);
  }
}
