package dev.claimaudit.claims;

import java.util.Locale;

/** The outcome of checking a claim against the evidence. */
public enum ClaimStatus {
  BACKED,
  CONTRADICTED,
  UNVERIFIED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
