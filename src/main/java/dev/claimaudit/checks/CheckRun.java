package dev.claimaudit.checks;

import java.util.Locale;

/** How a check went, for the report's checks table. */
public record CheckRun(String name, Status status, long millis, String note) {

  public enum Status {
    RAN,
    SKIPPED,
    ERROR;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
