package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.FileScan;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.PathSets;
import dev.claimaudit.git.ChangeType;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.FileDiff;
import dev.claimaudit.rules.Catalog;
import java.util.List;

/** The placeholder scan as the one pass runs it: each file's added lines scanned, and placeholders that only moved dropped. */
public final class PlaceholderPass implements FileScan {
  private final PlaceholderScanner scanner;
  private final MovedPlaceholders moved;
  private final PathFilter ignored;

  public PlaceholderPass(Catalog catalog, PathSets paths) {
    this.scanner = new PlaceholderScanner(catalog, paths);
    this.moved = new MovedPlaceholders(catalog);
    this.ignored = paths.ignore();
  }

  /**
   * Scans the file; one the change moved from the project's own code into an ignored path is
   * scanned all the same, so that {@code git mv} into {@code vendor/} hides nothing it adds.
   */
  @Override
  public Result scan(FileChange file, FileDiff diff) {
    boolean movedIntoIgnored = (file.type() == ChangeType.RENAMED || file.type() == ChangeType.COPIED) && file.oldPath() != null
        && ignored.matches(file.path()) && !ignored.matches(file.oldPath());
    return movedIntoIgnored ? scanner.scanMovedIntoIgnored(file.path(), diff) : scanner.scanFile(file.path(), diff);
  }

  @Override
  public void removed(List<String> lines) {
    moved.collect(lines);
  }

  @Override
  public List<Finding> settle(List<Finding> findings) {
    return moved.withoutMoved(findings);
  }
}
