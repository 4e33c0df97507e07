package dev.claimaudit.cli.shell;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The process's streams and environment, passed in so tests can drive the CLI in-process.
 *
 * @param terminal standard output is a terminal (colours)
 * @param errTerminal standard error is a terminal (progress lines)
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal, boolean errTerminal) {
  public Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {
    this(in, out, err, env, terminal, false);
  }
}
