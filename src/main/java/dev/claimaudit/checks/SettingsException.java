package dev.claimaudit.checks;

/** A check's settings block in the policy is invalid; the message names the file, key and problem. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }
}
