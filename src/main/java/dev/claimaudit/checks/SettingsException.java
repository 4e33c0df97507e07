package dev.claimaudit.checks;

import dev.claimaudit.input.InputException;

/** A check's settings block in the policy is invalid; the message names the file, key and problem. */
public final class SettingsException extends InputException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
