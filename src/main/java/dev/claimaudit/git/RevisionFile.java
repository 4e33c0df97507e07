package dev.claimaudit.git;

import java.util.Optional;

/**
 * A file as it is at one revision: its text, or why it cannot be read as text, or neither when
 * the revision has no such file.
 *
 * @param text the decoded content, or {@code null}
 * @param problem why the file is present but unreadable (a symlink, a directory, binary, too large), or {@code null}
 */
public record RevisionFile(String text, String problem) {
  static final RevisionFile MISSING = new RevisionFile(null, null);

  public boolean exists() {
    return text != null || problem != null;
  }

  public Optional<String> content() {
    return Optional.ofNullable(text);
  }
}
