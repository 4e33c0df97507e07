package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.kb.Lesson;
import dev.claimaudit.report.Text;
import dev.claimaudit.text.Texts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Every lesson of one signature. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Shows every lesson of one signature (or of a unique prefix of one).")
final class ShowCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;

  @Mixin Location location = new Location();

  @Parameters(paramLabel = "SIG", description = "A signature, or a unique prefix of at least 4 hex digits.")
  String signature;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  ShowCommand(Io io, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
  }

  @Override
  public Integer call() {
    KbOutput.checkFormat(format);
    String prefix = signature.strip().toLowerCase(java.util.Locale.ROOT);
    if (!prefix.matches("[0-9a-f]{4,16}")) {
      throw new BadInputException("a signature is 4 to 16 hex digits, got '" + Text.line(signature, 40) + "'");
    }
    try (Opened opened = Opened.open(location, false, findingIds)) {
      List<Lesson> matches = new ArrayList<>();
      KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
      opened.kb().lessons(lesson -> {
        if (lesson.signature().startsWith(prefix)) {
          matches.add(lesson);
        }
      }, skips);
      Set<String> signatures = new TreeSet<>();
      matches.forEach(lesson -> signatures.add(lesson.signature()));
      if (signatures.isEmpty()) {
        throw new BadInputException("no lesson in " + opened.kb().describe() + " has signature " + prefix);
      }
      if (signatures.size() > 1) {
        throw new BadInputException("signature prefix " + prefix + " is ambiguous: " + String.join(", ", signatures));
      }
      Group group = new Group(matches.get(0).signature(), matches.get(0).rule(), matches.get(0).snippet());
      matches.forEach(group::add);
      if (format.equals("json")) {
        ObjectNode root = KbOutput.MAPPER.createObjectNode();
        root.put("signature", group.signature).put("rule", group.rule).put("snippet", group.snippet);
        ArrayNode prs = root.putArray("pullRequests");
        group.prs.forEach(prs::add);
        ArrayNode lessons = root.putArray("lessons");
        for (Lesson lesson : matches) {
          ObjectNode node = lessons.addObject();
          node.put("time", lesson.time().toString()).put("pr", lesson.pr()).put("head", lesson.head()).put("rule", lesson.rule())
              .put("severity", lesson.severity()).put("path", lesson.path());
          if (lesson.line() == null) {
            node.putNull("line");
          } else {
            node.put("line", lesson.line());
          }
        }
        KbOutput.print(io, root);
        return ExitCode.OK.code();
      }
      PrintWriter out = io.out();
      out.println("signature      " + group.signature);
      out.println("rule           " + Text.line(group.rule, 100));
      out.println("snippet        " + Text.line(group.snippet, 200));
      out.println("pull requests  " + group.prs.size() + ": " + String.join(", ", group.prs.stream().map(number -> "#" + number).toList()));
      out.println();
      for (Lesson lesson : matches) {
        String where = lesson.path() == null ? "(change)" : lesson.path() + (lesson.line() == null ? "" : ":" + lesson.line());
        out.println("  " + lesson.time() + "  #" + lesson.pr() + "  " + (lesson.head() == null ? "-" : Texts.shortSha(lesson.head()))
            + "  " + Text.line(String.valueOf(lesson.severity()), 10) + "  " + Text.line(where, 200));
      }
      if (skips.count() > 0) {
        out.println("note: " + Text.line(skips.describe(), 300));
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
