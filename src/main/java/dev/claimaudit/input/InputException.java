package dev.claimaudit.input;

/**
 * Input the audit cannot use as given (a range that does not resolve, an unreadable file, an
 * invalid policy, a bad option): the message is one line saying what to fix, and the command
 * exits 2. Every stage's own kind of bad input extends this, so the command line tells bad input
 * from a bug by this one type.
 */
public abstract class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected InputException(String message) {
    super(message);
  }

  protected InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
