package dev.claimaudit.rules;

import java.util.Locale;

/** What kind of placeholder a rule finds; the policy's severity matrix is keyed by it. */
public enum RuleClass {
  /** Code that cannot work: {@code todo!()}, {@code raise NotImplementedError}. */
  HARD_STUB,
  /** A test that cannot fail or does not run: skips, focus, tautologies, empty bodies. */
  TEST_EVASION,
  /** A marker left for later: TODO, FIXME, "placeholder" in a comment. */
  SOFT_MARKER;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static RuleClass parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
