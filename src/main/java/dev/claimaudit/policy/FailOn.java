package dev.claimaudit.policy;

import java.util.Locale;

/** Which verdict makes the process exit non-zero. */
public enum FailOn {
  BLOCK,
  WARN,
  NEVER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FailOn parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
