package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.kb.FileNote;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.report.Text;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Totals over the lessons, and the most recurring signatures. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Counts lessons, pull requests, signatures and notes, and lists the most recurring signatures.")
final class StatsCommand implements Callable<Integer> {
  private final Io io;
  /** The finding ids a policy may name, for reading the policy that says where the knowledge base is. */
  private final Supplier<Set<String>> findingIds;

  @Mixin Location location = new Location();

  @Option(names = "--top", paramLabel = "N", description = "How many recurring signatures to list (default: 10).")
  int top = 10;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  StatsCommand(Io io, Supplier<Set<String>> findingIds) {
    this.io = io;
    this.findingIds = findingIds;
  }

  @Override
  public Integer call() {
    KbOutput.checkFormat(format);
    if (top < 0) {
      throw new BadInputException("--top takes 0 or more, got " + top);
    }
    try (Opened opened = Opened.open(location, false, findingIds)) {
      KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
      Map<String, Group> groups = new HashMap<>();
      Set<Integer> prs = new TreeSet<>();
      int[] lessons = {0};
      Instant[] range = {null, null};
      opened.kb().lessons(lesson -> {
        lessons[0]++;
        prs.add(lesson.pr());
        groups.computeIfAbsent(lesson.signature(), key -> new Group(lesson.signature(), lesson.rule(), lesson.snippet())).add(lesson);
        range[0] = range[0] == null || lesson.time().isBefore(range[0]) ? lesson.time() : range[0];
        range[1] = range[1] == null || lesson.time().isAfter(range[1]) ? lesson.time() : range[1];
      }, skips);
      List<FileNote> notes = opened.kb().notes(skips);
      List<Group> recurring = groups.values().stream()
          .sorted(Comparator.comparingInt((Group group) -> group.prs.size()).reversed().thenComparing(group -> group.signature))
          .limit(top)
          .toList();
      if (format.equals("json")) {
        ObjectNode root = KbOutput.MAPPER.createObjectNode();
        root.put("kb", opened.kb().describe());
        root.put("lessons", lessons[0]);
        root.put("pullRequests", prs.size());
        root.put("signatures", groups.size());
        root.put("notes", notes.size());
        root.put("noteFiles", notes.stream().map(FileNote::path).distinct().count());
        root.put("first", range[0] == null ? null : range[0].toString());
        root.put("last", range[1] == null ? null : range[1].toString());
        root.put("skipped", skips.count());
        ArrayNode skipped = root.putArray("skippedLines");
        skips.listed().forEach(skip -> skipped.addObject().put("file", skip.file()).put("line", skip.line()).put("problem", skip.problem()));
        ArrayNode top = root.putArray("recurring");
        for (Group group : recurring) {
          ObjectNode node = top.addObject();
          node.put("signature", group.signature).put("rule", group.rule).put("pullRequests", group.prs.size())
              .put("lessons", group.count).put("snippet", group.snippet);
        }
        KbOutput.print(io, root);
        return ExitCode.OK.code();
      }
      PrintWriter out = io.out();
      out.println("knowledge base  " + Text.line(opened.kb().describe(), 300));
      out.println("lessons         " + lessons[0] + (range[0] == null ? "" : " (" + range[0] + " to " + range[1] + ")"));
      out.println("pull requests   " + prs.size());
      out.println("signatures      " + groups.size());
      out.println("file notes      " + notes.size() + " on " + notes.stream().map(FileNote::path).distinct().count() + " files");
      if (skips.count() > 0) {
        out.println("skipped         " + Text.line(skips.describe(), 300));
      }
      if (!recurring.isEmpty()) {
        out.println();
        out.println("Most recurring (pull requests, lessons, signature, rule, snippet):");
        for (Group group : recurring) {
          out.println(String.format("  %4d %5d  %s  %s  %s", group.prs.size(), group.count, group.signature, Text.line(group.rule, 80),
              Text.line(group.snippet, 100)));
        }
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
