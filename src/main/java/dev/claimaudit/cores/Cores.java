package dev.claimaudit.cores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Work split over every core: the calling thread and one helper per further core take the next
 * item as each finishes one, so that items of uneven cost (a long PR body among short commit
 * messages) keep every core busy to the end. A parallel stream splits a list into a few equal
 * parts up front instead, and on two cores one part can leave the other core idle for most of it.
 */
public final class Cores {
  private Cores() {}

  /**
   * {@code work} applied to each of {@code 0..count-1}, on every core, in the order of the items.
   * An error in any item ends the others early and is thrown here, as it was thrown.
   */
  public static <T> List<T> map(int count, IntFunction<T> work) {
    Object[] results = new Object[count];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          results[i] = work.apply(i);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        next.set(count);
      }
    };
    int helpers = Math.min(Runtime.getRuntime().availableProcessors(), count) - 1;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < helpers; i++) {
      Thread thread = new Thread(worker, "claim-audit-core");
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    worker.run();
    for (Thread thread : threads) {
      join(thread);
    }
    Throwable failed = failure.get();
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }

  /** {@code work} done for each of {@code 0..count-1}, on every core, as {@link #map} does it. */
  public static void forEach(int count, IntConsumer work) {
    map(count, i -> {
      work.accept(i);
      return null;
    });
  }

  /**
   * {@code work} done on a daemon thread named {@code name} while the caller goes on; {@link
   * #await} gives its result.
   */
  public static <T> CompletableFuture<T> onAnotherThread(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The result of {@code work}, once it is done; what it failed with is thrown here, as it was thrown. */
  public static <T> T await(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a core's work", e);
    }
  }
}
