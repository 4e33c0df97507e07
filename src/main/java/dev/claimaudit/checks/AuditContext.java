package dev.claimaudit.checks;

import dev.claimaudit.checks.placeholder.Catalog;
import dev.claimaudit.checks.placeholder.PlaceholderScanner;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.FileChange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything a check may read: the change, its claims, the pull request, and the evidence that
 * several checks share. The placeholder scan runs once, on first use, and is shared.
 */
public final class AuditContext {
  private final ChangeSet changeSet;
  private final List<Claim> claims;
  private final PullRequest pullRequest;
  private final Catalog catalog;
  private final PathSets paths;
  private final CheckSettings settings;
  private volatile List<Finding> placeholders;

  public AuditContext(
      ChangeSet changeSet, List<Claim> claims, PullRequest pullRequest, Catalog catalog, PathFilter ignored, CheckSettings settings) {
    this(changeSet, claims, pullRequest, catalog, PathSets.ignoring(ignored), settings);
  }

  public AuditContext(
      ChangeSet changeSet, List<Claim> claims, PullRequest pullRequest, Catalog catalog, PathSets paths, CheckSettings settings) {
    this.changeSet = Objects.requireNonNull(changeSet);
    this.claims = List.copyOf(claims);
    this.pullRequest = Objects.requireNonNull(pullRequest);
    this.catalog = Objects.requireNonNull(catalog);
    this.paths = Objects.requireNonNull(paths);
    this.settings = Objects.requireNonNull(settings);
  }

  public ChangeSet changeSet() {
    return changeSet;
  }

  public List<Claim> claims() {
    return claims;
  }

  public PullRequest pullRequest() {
    return pullRequest;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Paths the placeholder scan skips: the policy's ignored and generated paths. */
  public PathFilter ignored() {
    return paths.unscanned();
  }

  public PathSets paths() {
    return paths;
  }

  /** Whether {@code path} is a test file, by convention or by the policy. */
  public boolean isTest(String path) {
    return paths.isTest(path);
  }

  public CheckSettings settings() {
    return settings;
  }

  /** Placeholder findings in the added lines of every scanned file, in report order. */
  public List<Finding> placeholders() {
    List<Finding> found = placeholders;
    if (found == null) {
      synchronized (this) {
        found = placeholders;
        if (found == null) {
          found = scan();
          placeholders = found;
        }
      }
    }
    return found;
  }

  private List<Finding> scan() {
    PlaceholderScanner scanner = new PlaceholderScanner(catalog, paths);
    return changeSet.files().parallelStream()
        .filter(FileChange::scanned)
        .flatMap(file -> scanner.scan(file.path(), changeSet.addedLines(file), () -> changeSet.readAtHead(file.path())).stream())
        .sorted(Finding.ORDER)
        .toList();
  }
}
