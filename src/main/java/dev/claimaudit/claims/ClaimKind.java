package dev.claimaudit.claims;

import java.util.Locale;

/** What a claim is about. */
public enum ClaimKind {
  /** The change is done, shipped, fixes an issue. */
  STATUS,
  /** Test counts and outcomes: "adds 6 tests", "117 pass, 0 fail", "all tests pass". */
  TEST,
  /** A path listed as new or updated. */
  FILE,
  /** An identifier said to be added, optionally in a named file. */
  SYMBOL,
  /** Something said to be gone: "no TODOs left", "no stubs". */
  ABSENCE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
