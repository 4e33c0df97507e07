package dev.claimaudit.checks;

import java.util.Locale;

/**
 * What the code itself says of a placeholder: a skip's reason, a stub's message. A reviewer reads
 * {@code @Disabled} alone as hiding a failure, {@code @Disabled("flaky until #812")} as an admitted
 * gap, and {@code @EnabledOnOs(LINUX)} or a skip when a service is absent as no gap at all.
 */
public enum CodeReason {
  /** The code gives no reason, or only a marker such as "TODO". */
  NONE,
  /** The code owns up to a gap of its own with a reason: flaky, not supported yet, a tracking issue. */
  ADMITTED,
  /** The placeholder applies only under a condition outside the change: a platform, a build mode, a service, an upstream end of life. */
  EXTERNAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CodeReason parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
