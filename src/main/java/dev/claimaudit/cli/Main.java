package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.git.PackCaches;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // The JVM ends a process whose thread died of an uncaught error with exit 1, which CI reads
    // as a block, and prints a stack trace: any thread's failure is one line and exit 3 instead.
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      err.println("audit: internal error: " + Cli.describe(error) + " (in thread " + thread.getName() + ")");
      System.exit(ExitCode.INTERNAL_ERROR.code());
    });
    PackCaches.install();
    boolean terminal = System.console() != null;
    int code;
    try {
      code = new Cli(new Io(System.in, out, err, System.getenv(), terminal, stderrIsTerminal(terminal))).run(args);
    } catch (RuntimeException | Error e) {
      err.println("audit: internal error: " + Cli.describe(e));
      code = ExitCode.INTERNAL_ERROR.code();
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Whether standard error is a terminal. Java 17 cannot ask directly, so on Linux it reads where
   * file descriptor 2 points; elsewhere it assumes stderr goes where stdin and stdout do.
   */
  private static boolean stderrIsTerminal(boolean consoleAttached) {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return consoleAttached;
    }
  }
}
