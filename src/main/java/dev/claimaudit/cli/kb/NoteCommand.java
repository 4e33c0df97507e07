package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.FileNote;
import dev.claimaudit.report.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Adds a review note on a file. */
@Command(name = "note", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Adds a review note on a file; every later audit of a change that touches the file shows it.")
final class NoteCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;
  private final Clock clock;

  @Mixin Location location = new Location();

  @Parameters(index = "0", paramLabel = "PATH", description = "The file, relative to the repository root.")
  String path;

  @Parameters(index = "1", paramLabel = "NOTE", description = "The note.")
  String note;

  @Option(names = "--by", paramLabel = "NAME", description = "The reviewer or model that wrote the note.")
  String by;

  @Option(names = "--attempts", paramLabel = "N", description = "How many attempts the file took to get right.")
  Integer attempts;

  NoteCommand(Io io, Clock clock, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String problem = FileNote.problem(path, note);
    if (problem != null) {
      throw new BadInputException("cannot add the note: " + problem);
    }
    if (attempts != null && attempts < 0) {
      throw new BadInputException("--attempts takes 0 or more, got " + attempts);
    }
    if (by != null && by.length() > 200) {
      throw new BadInputException("--by is longer than 200 characters");
    }
    try (Opened opened = Opened.open(location, true, findingIds)) {
      opened.kb().addNote(new FileNote(path.strip(), note.strip(), by, attempts, Instant.now(clock)));
      io.out().println("added a note on " + Text.line(path, 300) + " to " + Text.line(opened.kb().describe(), 300));
      io.out().flush();
      return ExitCode.OK.code();
    }
  }
}
