package dev.claimaudit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The process entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    boolean terminal = System.console() != null;
    int code = new Cli(new Cli.Io(System.in, out, err, System.getenv(), terminal)).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
