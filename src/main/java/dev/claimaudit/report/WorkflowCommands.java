package dev.claimaudit.report;

/**
 * Escaping for workflow commands ({@code ::error file=…,line=…::message}), exactly as the
 * Actions runners unescape them: in a message {@code %}, CR and LF; in a property value also
 * {@code :} and {@code ,}. {@code %} goes first so that an escape is never escaped twice.
 */
public final class WorkflowCommands {
  private WorkflowCommands() {}

  /** Escapes the message part, after the second {@code ::}. */
  public static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value, such as {@code file=} or {@code title=}. */
  public static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
