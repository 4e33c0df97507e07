package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.FileNote;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.report.Text;
import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Lists review notes. */
@Command(name = "notes", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Lists the review notes, of one file or of all.")
final class NotesCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;

  @Mixin Location location = new Location();

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Only the notes on this file.")
  String path;

  NotesCommand(Io io, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
  }

  @Override
  public Integer call() {
    try (Opened opened = Opened.open(location, false, findingIds)) {
      KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
      PrintWriter out = io.out();
      int shown = 0;
      for (FileNote note : opened.kb().notes(skips)) {
        if (path != null && !note.path().equals(path)) {
          continue;
        }
        shown++;
        out.println(Text.line(note.path(), 300) + "  " + (note.time() == null ? "-" : note.time()) + "  "
            + Text.line(note.by() == null ? "-" : note.by(), 80) + (note.attempts() == null ? "" : "  " + note.attempts() + " attempts"));
        out.println("    " + Text.line(note.note(), 4_000));
      }
      if (shown == 0) {
        out.println(path == null ? "no file notes" : "no notes on " + Text.line(path, 300));
      }
      if (skips.count() > 0) {
        out.println("note: " + Text.line(skips.describe(), 300));
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
