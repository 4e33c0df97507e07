package dev.claimaudit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells a person at a terminal what a long run is doing, on one line of standard error that is
 * rewritten in place and wiped at the end. A run shorter than {@link #DELAY_MILLIS} prints nothing,
 * and nothing at all is printed when standard error is not a terminal: logs and pipes stay clean.
 */
final class Progress implements AutoCloseable {
  static final long DELAY_MILLIS = 1000;
  private static final long PERIOD_MILLIS = 250;

  private final PrintWriter err;
  private final ScheduledExecutorService painter;
  private final long start = System.nanoTime();
  private String stage = "starting";
  private boolean painted;

  private Progress(PrintWriter err, ScheduledExecutorService painter) {
    this.err = err;
    this.painter = painter;
  }

  /** Progress on {@code err} when it is a terminal; otherwise a progress that prints nothing. */
  static Progress on(PrintWriter err, boolean terminal) {
    if (!terminal) {
      return new Progress(err, null);
    }
    ScheduledExecutorService painter = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "claim-audit-progress");
      thread.setDaemon(true);
      return thread;
    });
    Progress progress = new Progress(err, painter);
    painter.scheduleAtFixedRate(progress::paint, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return progress;
  }

  /** What the run is doing now, e.g. "running checks: static, claims". */
  synchronized void stage(String what) {
    stage = what;
  }

  private synchronized void paint() {
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    err.print("\r\u001b[Kclaim-audit: " + dev.claimaudit.report.Text.line(stage, 100) + "… " + seconds + "s");
    err.flush();
    painted = true;
  }

  @Override
  public void close() {
    if (painter == null) {
      return;
    }
    painter.shutdownNow();
    try {
      painter.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (painted) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
