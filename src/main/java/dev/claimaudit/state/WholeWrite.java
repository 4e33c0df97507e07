package dev.claimaudit.state;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the process's exit on SIGTERM or SIGINT while a file is written, so that the write ends
 * whole: the JVM runs its shutdown hooks before it halts, and this one waits for {@link #close}.
 * A write that would begin once the process is already stopping does not begin. (Removing a
 * temporary file at exit is not enough: a file made after that hook ran would stay.)
 */
final class WholeWrite implements AutoCloseable {
  /** A write that takes longer (a hung file system) no longer holds the exit. */
  private static final Duration LONGEST = Duration.ofSeconds(30);

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::awaitDone, "claim-audit-whole-write");

  private WholeWrite() {}

  /** @throws IllegalStateException when the process is already stopping: then nothing is to be written */
  static WholeWrite begin() {
    WholeWrite write = new WholeWrite();
    Runtime.getRuntime().addShutdownHook(write.hook);
    return write;
  }

  private void awaitDone() {
    try {
      done.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // The hook is running and now returns: the process halts with the write whole.
    }
  }
}
