package dev.claimaudit.policy;

import dev.claimaudit.input.InputException;

/** The policy cannot be used: the message is one line naming the file, the line and the key. */
public final class PolicyException extends InputException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public PolicyException(String message) {
    this(message, 0);
  }

  public PolicyException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** The line of the policy file the problem is on, or 0 when it is about the whole file. */
  public int line() {
    return line;
  }
}
