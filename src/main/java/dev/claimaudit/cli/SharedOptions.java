package dev.claimaudit.cli;

import dev.claimaudit.policy.FailOn;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that {@code audit}, {@code audit config} and {@code audit pre-push} share, declared once. */
final class SharedOptions {
  @Option(names = "--repo", paramLabel = "DIR", description = "The repository (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 on: block, warn or never (default: the policy's fail-on, else block).")
  FailOn failOn;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;
}
