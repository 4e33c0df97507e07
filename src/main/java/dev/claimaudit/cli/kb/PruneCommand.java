package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.report.Text;
import dev.claimaudit.text.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Drops old lessons. */
@Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Removes lessons older than DAYS days. Malformed lines and file notes are kept as they are.")
final class PruneCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;
  private final Clock clock;

  @Mixin Location location = new Location();

  @Option(names = "--older-than", paramLabel = "DAYS", required = true, description = "Age in days of the lessons to remove.")
  int days;

  PruneCommand(Io io, Clock clock, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (days < 0 || days > 100_000) {
      throw new BadInputException("--older-than takes a number of days from 0 to 100000, got " + days);
    }
    Instant cutoff = Instant.now(clock).minus(Duration.ofDays(days));
    try (Opened opened = Opened.open(location, false, findingIds)) {
      KnowledgeBase.Pruned pruned = opened.kb().prune(cutoff);
      io.out().println("pruned " + Texts.plural(pruned.removed(), "lesson") + " older than " + days + " days (before " + cutoff + ") from "
          + Text.line(opened.kb().describe(), 300) + "; kept " + Texts.plural(pruned.kept(), "lesson")
          + (pruned.malformedKept() > 0 ? " and " + Texts.plural(pruned.malformedKept(), "malformed line") + " as they were" : ""));
      io.out().flush();
      return ExitCode.OK.code();
    }
  }
}
