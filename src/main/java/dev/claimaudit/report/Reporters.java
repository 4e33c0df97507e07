package dev.claimaudit.report;

import java.util.List;
import java.util.Optional;

/** The reporters by format name; the one list that {@code --format} and {@code --report} choose from. */
public final class Reporters {
  private Reporters() {}

  public static List<String> formats() {
    return List.of("text", "json");
  }

  public static Optional<Reporter> forFormat(String format, boolean color) {
    return Optional.ofNullable(switch (format) {
      case "text" -> new TextReporter(color);
      case "json" -> new JsonReporter();
      default -> null;
    });
  }
}
