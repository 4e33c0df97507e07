package dev.claimaudit.checks.dynamic;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one test command: no standard input, standard error merged into standard output, output
 * kept up to a cap (its beginning and its end), and a wall-clock deadline after which the whole
 * process tree is ended. Processes the command leaves behind are ended too: those below it, and
 * every process that carries the run's {@link Leftovers} marker, however it detached.
 */
final class Subprocess {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Pattern ERROR_LINE = Pattern.compile("(?i)\\berror\\b|^\\[ERROR\\]|\\bFAIL(?:ED)?\\b|cannot find|not found");
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)re-run maven|for more information about the errors|\\[help \\d+]|full stack trace|^\\[ERROR\\]\\s*$|-> \\[Help");

  private Subprocess() {}

  /**
   * How a command ended.
   *
   * @param exitCode the exit code, or -1 when it was killed at the deadline
   * @param output what it printed, at most the cap: its beginning and its end around a gap marker
   * @param truncated the output was longer than the cap
   * @param killed processes ended by force: the tree at the deadline, or what outlived the command
   */
  record Result(int exitCode, boolean timedOut, String output, boolean truncated, Duration elapsed, int killed) {

    /**
     * The first lines of the output that report an error (build tools print their advice after
     * them), else its last lines: what a note should quote about a run that failed.
     */
    String diagnosis() {
      List<String> errors = output.lines().map(String::strip)
          .filter(line -> ERROR_LINE.matcher(line).find() && !BOILERPLATE.matcher(line).find())
          .map(line -> line.replaceFirst("^\\[ERROR\\]\\s*", ""))
          .filter(line -> !line.isEmpty() && !line.matches("(?i)[A-Z ]*ERROR\\s*:?"))
          .limit(2)
          .toList();
      return errors.isEmpty() ? tail(3) : String.join(" | ", errors);
    }

    /** The last {@code lines} non-blank lines of the output, for a note. */
    String tail(int lines) {
      List<String> all = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  /** The command could not be started: its program is missing or cannot be executed. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }

  static Result run(List<String> command, Path dir, Map<String, String> env, Instant deadline, int maxOutput)
      throws StartFailure, InterruptedException {
    List<String> resolved = new ArrayList<>(command);
    resolved.set(0, executable(command.get(0), dir, env).toString());
    ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StartFailure("cannot start " + command.get(0) + ": " + e.getMessage());
    }
    BoundedOutput output = new BoundedOutput(maxOutput);
    Thread reader = new Thread(() -> output.drain(process.getInputStream()), "claim-audit-test-output");
    reader.setDaemon(true);
    reader.start();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The process closed its standard input itself; nothing to send either way.
    }
    Set<ProcessHandle> seen = new LinkedHashSet<>();
    boolean timedOut = false;
    int killed = 0;
    try {
      while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(seen::add);
        if (Instant.now().isAfter(deadline)) {
          timedOut = true;
          killed = killTree(process.toHandle(), seen);
          break;
        }
      }
      if (!timedOut) {
        killed = killAll(seen);
      }
      killed += Leftovers.end(env.get(Leftovers.VARIABLE));
    } catch (InterruptedException e) {
      killTree(process.toHandle(), seen);
      Leftovers.end(env.get(Leftovers.VARIABLE));
      throw e;
    }
    reader.join(GRACE.toMillis());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(timedOut ? -1 : process.exitValue(), timedOut, output.text(), output.truncated(), elapsed, killed);
  }

  /** The program, found the way a shell finds it but on the tests' own PATH. */
  static Path executable(String program, Path dir, Map<String, String> env) throws StartFailure {
    if (program.contains("/")) {
      Path path = dir.resolve(program);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new StartFailure(program + " is not an executable file");
    }
    return find(program, env).orElseThrow(() -> new StartFailure(program + " is not installed (not found on PATH)"));
  }

  static Optional<Path> find(String program, Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Ends the process and every process below it: politely, then by force after a grace period. */
  private static int killTree(ProcessHandle root, Set<ProcessHandle> seen) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    root.descendants().forEach(tree::add);
    tree.addAll(seen);
    tree.add(root);
    return killAll(tree);
  }

  private static int killAll(Set<ProcessHandle> handles) {
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : handles) {
      if (handle.isAlive()) {
        handle.descendants().forEach(alive::add);
        alive.add(handle);
      }
    }
    alive.forEach(ProcessHandle::destroy);
    long graceEnd = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle handle : alive) {
      long left = graceEnd - System.nanoTime();
      if (left > 0) {
        try {
          handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          break;
        }
      }
    }
    Set<ProcessHandle> forced = new LinkedHashSet<>();
    for (ProcessHandle handle : alive) {
      if (handle.isAlive()) {
        handle.descendants().forEach(forced::add);
        forced.add(handle);
      }
    }
    forced.forEach(ProcessHandle::destroyForcibly);
    awaitExit(forced, System.nanoTime() + GRACE.toNanos());
    return (int) alive.stream().distinct().count();
  }

  /** Waits until every handle has exited or the deadline passes, so a killed tree is gone when the run reports it. */
  private static void awaitExit(Set<ProcessHandle> handles, long deadlineNanos) {
    for (ProcessHandle handle : handles) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return;
      }
    }
  }

  /** Keeps the first and the last half of the cap; everything in between is read and dropped. */
  private static final class BoundedOutput {
    private final byte[] head;
    private final byte[] tail;
    private int headSize;
    private long tailWritten;
    private long total;

    BoundedOutput(int cap) {
      this.head = new byte[cap / 2];
      this.tail = new byte[cap - cap / 2];
    }

    void drain(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          append(buffer, read);
        }
      } catch (IOException e) {
        // The stream closes when the process is killed; what was read so far is kept.
      }
    }

    private synchronized void append(byte[] buffer, int length) {
      total += length;
      int offset = 0;
      if (headSize < head.length) {
        int take = Math.min(length, head.length - headSize);
        System.arraycopy(buffer, 0, head, headSize, take);
        headSize += take;
        offset = take;
      }
      for (int i = offset; i < length; i++) {
        tail[(int) (tailWritten++ % tail.length)] = buffer[i];
      }
    }

    synchronized boolean truncated() {
      return total > head.length + tail.length;
    }

    synchronized String text() {
      StringBuilder text = new StringBuilder(new String(head, 0, headSize, StandardCharsets.UTF_8));
      if (tailWritten == 0) {
        return text.toString();
      }
      byte[] ordered;
      if (tailWritten <= tail.length) {
        ordered = java.util.Arrays.copyOf(tail, (int) tailWritten);
      } else {
        ordered = new byte[tail.length];
        int start = (int) (tailWritten % tail.length);
        System.arraycopy(tail, start, ordered, 0, tail.length - start);
        System.arraycopy(tail, 0, ordered, tail.length - start, start);
        text.append("\n[… ").append(total - head.length - tail.length).append(" bytes of output not kept …]\n");
      }
      return text.append(new String(ordered, StandardCharsets.UTF_8)).toString();
    }
  }
}
