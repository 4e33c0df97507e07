package dev.claimaudit.git;

/**
 * Bounds on the work the diff may do.
 *
 * @param maxFileBytes larger files are skipped with a note instead of being read
 * @param renameLimit the most added/deleted pairs compared for rename detection
 */
public record DiffLimits(long maxFileBytes, int renameLimit) {
  public static final DiffLimits DEFAULT = new DiffLimits(4L * 1024 * 1024, 1000);
}
