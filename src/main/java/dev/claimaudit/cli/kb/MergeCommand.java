package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.report.Text;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Unites two copies of the knowledge base. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Adds the lessons and notes of another copy (a directory or git:REF) that this one lacks. "
    + "For two refs the result is a merge commit, so pushing it fast-forwards the other copy.")
final class MergeCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;

  @Mixin Location location = new Location();

  @Option(names = "--from", paramLabel = "DIR|git:REF", required = true, description = "The other copy.")
  String from;

  MergeCommand(Io io, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
  }

  @Override
  public Integer call() {
    try (Opened into = Opened.open(location, true, findingIds)) {
      Location other = new Location();
      other.kb = from;
      other.repo = location.repo;
      try (Opened source = Opened.open(other, false, findingIds)) {
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
