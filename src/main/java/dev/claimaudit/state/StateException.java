package dev.claimaudit.state;

/** A verdict record cannot be kept (the state directory is not a directory, not writable, or full). */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
