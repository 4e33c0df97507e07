package dev.claimaudit.cli.kb;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the knowledge base is: {@code --kb}, else the policy's kb.path or kb.ref at HEAD. */
final class Location {
  @Option(names = "--kb", paramLabel = "DIR|git:REF", description = "The knowledge base (default: kb.path or kb.ref of .claim-audit.yml at HEAD).")
  String kb;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository, for git: locations and the policy (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;
}
