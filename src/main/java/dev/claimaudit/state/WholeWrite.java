package dev.claimaudit.state;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the process's exit on SIGTERM or SIGINT while a file is written, so that the write ends
 * whole: the JVM runs its shutdown hooks before it halts, and this one waits for the write. A
 * write that would begin once the process is already stopping does not begin. (Removing a
 * temporary file at exit is not enough: a file made after that hook ran would stay.)
 */
public final class WholeWrite {
  /** A write that takes longer (a hung file system) no longer holds the exit. */
  private static final Duration LONGEST = Duration.ofSeconds(30);

  /** The process is stopping, so a write was not begun. */
  public static final class Stopping extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Stopping(IllegalStateException cause) {
      super("the process is stopping", cause);
    }
  }

  /** Writes files. */
  public interface Body {
    void run() throws IOException;
  }

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::awaitDone, "claim-audit-whole-write");

  private WholeWrite() {}

  /**
   * Runs {@code body}, and an exit asked for meanwhile waits until it returns.
   *
   * @throws Stopping when the process is already stopping: {@code body} is not run
   */
  public static void run(Body body) throws IOException {
    WholeWrite write = new WholeWrite();
    try {
      Runtime.getRuntime().addShutdownHook(write.hook);
    } catch (IllegalStateException e) {
      throw new Stopping(e);
    }
    try {
      body.run();
    } finally {
      write.end();
    }
  }

  private void awaitDone() {
    try {
      done.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void end() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // The hook is running and now returns: the process halts with the write whole.
    }
  }
}
