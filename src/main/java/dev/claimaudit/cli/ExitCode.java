package dev.claimaudit.cli;

/** The documented exit codes of every command. */
public enum ExitCode {
  /** The audit passed or only warned (or the command succeeded). */
  OK(0),
  /** The audit blocks (or warns, under {@code --fail-on warn}). */
  BLOCKED(1),
  /** Bad input: a range that does not resolve, an unreadable file, an invalid policy, a bad option. */
  BAD_INPUT(2),
  /** The tool failed: a check that must run could not, or a bug. */
  INTERNAL_ERROR(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
