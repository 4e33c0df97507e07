package dev.claimaudit.checks;

import java.util.Locale;

/** How much a finding weighs in the verdict, lowest first. */
public enum Severity {
  INFO,
  WARN,
  BLOCK;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
