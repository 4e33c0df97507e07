package dev.claimaudit.checks.dynamic;

/** A runner's report cannot be read: missing, too large or malformed. The message says which and why. */
final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  ReportException(String message) {
    super(message);
  }

  ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
