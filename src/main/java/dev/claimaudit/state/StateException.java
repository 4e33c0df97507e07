package dev.claimaudit.state;

/** The state directory cannot be used (not a directory, not writable); exit code 2. */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
