package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.Cli;
import dev.claimaudit.cli.ExitCode;
import dev.claimaudit.cli.Version;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.report.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Unites two copies of the knowledge base. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Adds the lessons and notes of another copy (a directory or git:REF) that this one lacks. "
    + "For two refs the result is a merge commit, so pushing it fast-forwards the other copy.")
final class MergeCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Mixin Location location = new Location();

  @Option(names = "--from", paramLabel = "DIR|git:REF", required = true, description = "The other copy.")
  String from;

  MergeCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    try (Opened into = Opened.open(location, true)) {
      Location other = new Location();
      other.kb = from;
      other.repo = location.repo;
      try (Opened source = Opened.open(other, false)) {
        KnowledgeBase.Merged merged = into.kb().merge(source.kb());
        io.out().println("merged " + Text.line(source.kb().describe(), 300) + " into " + Text.line(into.kb().describe(), 300) + ": "
            + merged.added().getOrDefault(KnowledgeBase.LESSONS, 0) + " lessons and "
            + merged.added().getOrDefault(KnowledgeBase.NOTES, 0) + " notes added");
        io.out().flush();
        return ExitCode.OK.code();
      }
    }
  }
}
