package dev.claimaudit.git;

/** How a file changed between the merge base and the head of the range. */
public enum ChangeType {
  ADDED,
  MODIFIED,
  RENAMED,
  COPIED,
  DELETED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
