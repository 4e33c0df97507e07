package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit kb}: look into the knowledge base and maintain it. */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Looks into the knowledge base (lessons.jsonl, file-notes.jsonl) and maintains it.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  audit kb stats --kb /var/cache/claim-audit",
      "  audit kb show 3f2a9c01d4b7e855 --kb git:refs/claim-audit/kb",
      "  audit kb prune --older-than 180 --kb /var/cache/claim-audit",
      "  audit kb note src/parser.rs \"Off-by-one twice; check the end index\" --by alice --attempts 3"
    })
public final class KbCommand implements Callable<Integer> {
  private final Io io;

  KbCommand(Io io) {
    this.io = io;
  }

  /**
   * The {@code kb} command with its subcommands, each given the process's streams and the finding
   * ids a policy may name.
   */
  public static CommandLine commandLine(Io io, Supplier<Set<String>> findingIds) {
    Clock clock = Clock.systemUTC();
    return new CommandLine(new KbCommand(io))
        .addSubcommand("stats", new StatsCommand(io, findingIds))
        .addSubcommand("show", new ShowCommand(io, findingIds))
        .addSubcommand("prune", new PruneCommand(io, clock, findingIds))
        .addSubcommand("note", new NoteCommand(io, clock, findingIds))
        .addSubcommand("notes", new NotesCommand(io, findingIds))
        .addSubcommand("merge", new MergeCommand(io, findingIds));
  }

  @Override
  public Integer call() {
    io.err().println("audit kb: give a subcommand: stats, show, prune, note, notes or merge (see audit kb --help)");
    return ExitCode.BAD_INPUT.code();
  }
}
