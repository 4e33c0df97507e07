package dev.claimaudit.checks;

/**
 * Settings of the optional checks, filled from the policy and the command line.
 *
 * @param dynamic run the tests the change touches
 * @param llm ask a model for gaps between the claims and the diff
 */
public record CheckSettings(boolean dynamic, boolean llm) {
  public static final CheckSettings DEFAULTS = new CheckSettings(false, false);
}
