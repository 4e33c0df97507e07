package dev.claimaudit.policy;

/**
 * Where the knowledge base lives and when a recurring finding is escalated.
 *
 * @param location a directory, {@code git:REF} for a ref of the audited repository, or {@code null} for none
 * @param info distinct pull requests from which a recurring finding is reported as info
 * @param warn … as a warning
 * @param block … as a block; {@link #NEVER} turns a level off
 */
public record KbSettings(String location, int info, int warn, int block) {
  public static final int NEVER = Integer.MAX_VALUE;

  public static KbSettings defaults() {
    return new KbSettings(null, 2, 3, 5);
  }

  public KbSettings withLocation(String newLocation) {
    return new KbSettings(newLocation, info, warn, block);
  }

  public boolean configured() {
    return location != null;
  }
}
