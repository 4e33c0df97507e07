package dev.claimaudit.state;

import dev.claimaudit.input.InputException;

/** A verdict record cannot be kept (the state directory is not a directory, not writable, or full). */
public final class StateException extends InputException {
  private static final long serialVersionUID = 1L;

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
