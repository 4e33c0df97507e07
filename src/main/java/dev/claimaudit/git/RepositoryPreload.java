package dev.claimaudit.git;

import dev.claimaudit.cores.Cores;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A repository opened on another core while the command line is still being parsed. Opening one
 * and reading its pack index costs as much as starting the command line itself on a large
 * repository (a quarter of a second for a 40 MB index), so the two overlap.
 *
 * <p>Failures are kept, not reported: {@link #open} throws them when the audit asks for the same
 * directory, exactly as {@link GitRepository#open} would have, so a preload changes no outcome.
 */
public final class RepositoryPreload implements AutoCloseable {
  private final Path dir;
  private final CompletableFuture<GitRepository> opening;
  private boolean taken;

  private RepositoryPreload(Path dir, CompletableFuture<GitRepository> opening) {
    this.dir = dir;
    this.opening = opening;
  }

  /** No preload: every {@link #open} opens the repository then. */
  public static RepositoryPreload none() {
    RepositoryPreload preload = new RepositoryPreload(null, CompletableFuture.completedFuture(null));
    preload.taken = true;
    return preload;
  }

  /** Starts opening the repository containing {@code dir} on a daemon thread. */
  public static RepositoryPreload start(Path dir) {
    return new RepositoryPreload(dir, Cores.onAnotherThread("claim-audit-preload", () -> {
      GitRepository repository = GitRepository.open(dir);
      repository.readObjectIndex();
      return repository;
    }));
  }

  /** The repository containing {@code dir}: the preloaded one when it is the directory this preload opened, else opened now. */
  public synchronized GitRepository open(Path dir) {
    if (taken || !this.dir.equals(dir)) {
      return GitRepository.open(dir);
    }
    taken = true;
    return Cores.await(opening);
  }

  /** Closes the preloaded repository unless an audit took it. */
  @Override
  public synchronized void close() {
    if (taken) {
      return;
    }
    taken = true;
    opening.thenAccept(GitRepository::close);
  }
}
