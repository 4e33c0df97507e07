package dev.claimaudit.claims;

import java.util.Locale;

/**
 * How firmly a claim is made. A hedged claim (WIP, stub, draft, follow-up) discloses that the
 * work is unfinished, so placeholders under it warn instead of blocking.
 */
public enum Strength {
  HEDGED,
  NORMAL,
  STRONG;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Strength max(Strength other) {
    return other != null && other.compareTo(this) > 0 ? other : this;
  }
}
