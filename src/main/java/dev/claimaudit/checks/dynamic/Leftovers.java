package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends every process a run of the change's tests started, wherever it went. A process group or
 * the tree below the runner is not enough: a test can fork, call {@code setsid} and fork again,
 * and its grandchild is then nobody's descendant. Every process of the run carries a marker
 * variable with a value unique to the audit, inherited through fork and exec; after each command
 * (and at the deadline) every process whose environment in {@code /proc/<pid>/environ} holds the
 * marker is killed, until none is left. Where {@code /proc} is missing, only the tree below the
 * runner is ended.
 */
final class Leftovers {
  /** The variable that marks the run's processes. */
  static final String VARIABLE = "CLAIM_AUDIT_RUN";
  private static final Path PROC = Path.of("/proc");
  /** A process forking as fast as it is killed is still ended after this many sweeps. */
  private static final int MAX_SWEEPS = 50;
  private static final long EXIT_WAIT_MILLIS = 2_000;
  /** Environments larger than this are read only this far; the marker is set before any variable a test adds. */
  private static final int MAX_ENVIRON = 1024 * 1024;

  private Leftovers() {}

  /** Kills every live process that carries {@code marker}; returns how many there were. */
  static int end(String marker) {
    if (marker == null || !Files.isDirectory(PROC)) {
      return 0;
    }
    byte[] needle = (VARIABLE + "=" + marker + "\0").getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    int killed = 0;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      List<ProcessHandle> found = marked(needle, self);
      if (found.isEmpty()) {
        break;
      }
      found.forEach(ProcessHandle::destroyForcibly);
      killed += found.size();
      for (ProcessHandle handle : found) {
        try {
          handle.onExit().get(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return killed;
        } catch (ExecutionException | TimeoutException e) {
          // A process that does not die of SIGKILL at once is looked for again by the next sweep.
        }
      }
    }
    return killed;
  }

  private static List<ProcessHandle> marked(byte[] needle, long self) {
    List<ProcessHandle> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, entry -> isPid(entry.getFileName().toString()))) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        if (pid == self || !carries(entry.resolve("environ"), needle)) {
          continue;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.filter(ProcessHandle::isAlive).ifPresent(found::add);
      }
    } catch (IOException e) {
      // /proc cannot be listed: nothing more can be found this way.
    }
    return found;
  }

  private static boolean isPid(String name) {
    if (name.isEmpty() || name.length() > 10) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether the environment file holds the marker as one of its NUL-separated entries. */
  private static boolean carries(Path environ, byte[] needle) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(environ)) {
      bytes = in.readNBytes(MAX_ENVIRON);
    } catch (IOException | SecurityException e) {
      return false;
    }
    outer:
    for (int start = 0; start + needle.length <= bytes.length; start++) {
      if (start > 0 && bytes[start - 1] != 0) {
        continue;
      }
      for (int i = 0; i < needle.length; i++) {
        if (bytes[start + i] != needle[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
