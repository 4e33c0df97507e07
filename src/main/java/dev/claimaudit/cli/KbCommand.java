package dev.claimaudit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.git.GitInputException;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RevisionFile;
import dev.claimaudit.kb.FileNote;
import dev.claimaudit.kb.KbException;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.kb.Lesson;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.policy.PolicyParser;
import dev.claimaudit.policy.PolicyText;
import dev.claimaudit.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class KbCommand implements Callable<Integer> {
  private final Cli.Io io;

  KbCommand(Cli.Io io) {
    this.io = io;
  }

  /** The {@code kb} command with its subcommands, each given the process's streams. */
  static CommandLine commandLine(Cli.Io io) {
    Clock clock = Clock.systemUTC();
    return new CommandLine(new KbCommand(io))
        .addSubcommand("stats", new Stats(io))
        .addSubcommand("show", new Show(io))
        .addSubcommand("prune", new Prune(io, clock))
        .addSubcommand("note", new AddNote(io, clock))
        .addSubcommand("notes", new Notes(io))
        .addSubcommand("merge", new Merge(io));
  }

  @Override
  public Integer call() {
    io.err().println("audit kb: give a subcommand: stats, show, prune, note, notes or merge (see audit kb --help)");
    return ExitCode.BAD_INPUT.code();
  }

  /** Where the knowledge base is: {@code --kb}, else the policy's kb.path or kb.ref at HEAD. */
  static final class Location {
    @Option(names = "--kb", paramLabel = "DIR|git:REF", description = "The knowledge base (default: kb.path or kb.ref of .claim-audit.yml at HEAD).")
    String kb;

    @Option(names = "--repo", paramLabel = "DIR", description = "Repository, for git: locations and the policy (default: the current directory).")
    Path repo = Path.of(".");

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;
  }

  /** A knowledge base and the repository it may live in, closed together. */
  private record Opened(KnowledgeBase kb, GitRepository repository) implements AutoCloseable {
    static Opened open(Location location, boolean create) {
      if (location.kb != null && !location.kb.startsWith("git:")) {
        return new Opened(KnowledgeBase.open(AuditCommand.kbLocation(location.kb), null, null, create), null);
      }
      GitRepository repository;
      try {
        repository = GitRepository.open(location.repo);
      } catch (GitInputException e) {
        if (location.kb != null) {
          throw e;
        }
        throw new KbException("no knowledge base: give --kb DIR or --kb git:REF (" + e.getMessage() + ", so there is no policy to read kb.path from)");
      }
      try {
        String where = location.kb != null ? location.kb : fromPolicy(repository);
        Path relativeTo = repository.workTree().orElse(repository.gitDir());
        return new Opened(KnowledgeBase.open(where, repository, relativeTo, create), repository);
      } catch (RuntimeException e) {
        repository.close();
        throw e;
      }
    }

    private static String fromPolicy(GitRepository repository) {
      RevisionFile file = repository.fileAt("HEAD", PolicyLoader.FILE, 1024 * 1024);
      if (file.text() == null) {
        throw new KbException("no knowledge base: give --kb DIR or --kb git:REF, or set kb.path in " + PolicyLoader.FILE);
      }
      Policy policy = new PolicyParser(new CatalogLoader().builtIn(), AuditPipeline.findingIds())
          .parse(new PolicyText(PolicyLoader.FILE, "at HEAD", file.text()));
      if (!policy.kb().configured()) {
        throw new KbException("no knowledge base: give --kb DIR or --kb git:REF, or set kb.path in " + PolicyLoader.FILE);
      }
      return policy.kb().location();
    }

    @Override
    public void close() {
      if (repository != null) {
        repository.close();
      }
    }
  }

  /** Totals over the lessons, and the most recurring signatures. */
  @Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Counts lessons, pull requests, signatures and notes, and lists the most recurring signatures.")
  static final class Stats implements Callable<Integer> {
    private final Cli.Io io;

    @Mixin Location location = new Location();

    @Option(names = "--top", paramLabel = "N", description = "How many recurring signatures to list (default: 10).")
    int top = 10;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    Stats(Cli.Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      checkFormat(format);
      if (top < 0) {
        throw new BadInputException("--top takes 0 or more, got " + top);
      }
      try (Opened opened = Opened.open(location, false)) {
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
          ObjectNode root = MAPPER.createObjectNode();
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
          print(io, root);
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

  /** Every lesson of one signature. */
  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Shows every lesson of one signature (or of a unique prefix of one).")
  static final class Show implements Callable<Integer> {
    private final Cli.Io io;

    @Mixin Location location = new Location();

    @Parameters(paramLabel = "SIG", description = "A signature, or a unique prefix of at least 4 hex digits.")
    String signature;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    Show(Cli.Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      checkFormat(format);
      String prefix = signature.strip().toLowerCase(java.util.Locale.ROOT);
      if (!prefix.matches("[0-9a-f]{4,16}")) {
        throw new BadInputException("a signature is 4 to 16 hex digits, got '" + Text.line(signature, 40) + "'");
      }
      try (Opened opened = Opened.open(location, false)) {
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
          ObjectNode root = MAPPER.createObjectNode();
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
          print(io, root);
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
          out.println("  " + lesson.time() + "  #" + lesson.pr() + "  " + (lesson.head() == null ? "-" : lesson.head().substring(0, 7))
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

  /** Drops old lessons. */
  @Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Removes lessons older than DAYS days. Malformed lines and file notes are kept as they are.")
  static final class Prune implements Callable<Integer> {
    private final Cli.Io io;
    private final Clock clock;

    @Mixin Location location = new Location();

    @Option(names = "--older-than", paramLabel = "DAYS", required = true, description = "Age in days of the lessons to remove.")
    int days;

    Prune(Cli.Io io, Clock clock) {
      this.io = io;
      this.clock = clock;
    }

    @Override
    public Integer call() {
      if (days < 0 || days > 100_000) {
        throw new BadInputException("--older-than takes a number of days from 0 to 100000, got " + days);
      }
      Instant cutoff = Instant.now(clock).minus(Duration.ofDays(days));
      try (Opened opened = Opened.open(location, false)) {
        KnowledgeBase.Pruned pruned = opened.kb().prune(cutoff);
        io.out().println("pruned " + pruned.removed() + " lesson" + (pruned.removed() == 1 ? "" : "s") + " older than " + days
            + " days (before " + cutoff + ") from " + Text.line(opened.kb().describe(), 300) + "; kept " + pruned.kept() + " lesson"
            + (pruned.kept() == 1 ? "" : "s") + (pruned.malformedKept() > 0 ? " and " + pruned.malformedKept() + " malformed line"
                + (pruned.malformedKept() == 1 ? "" : "s") + " as they were" : ""));
        io.out().flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** Adds a review note on a file. */
  @Command(name = "note", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Adds a review note on a file; every later audit of a change that touches the file shows it.")
  static final class AddNote implements Callable<Integer> {
    private final Cli.Io io;
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

    AddNote(Cli.Io io, Clock clock) {
      this.io = io;
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
      try (Opened opened = Opened.open(location, true)) {
        opened.kb().addNote(new FileNote(path.strip(), note.strip(), by, attempts, Instant.now(clock)));
        io.out().println("added a note on " + Text.line(path, 300) + " to " + Text.line(opened.kb().describe(), 300));
        io.out().flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** Lists review notes. */
  @Command(name = "notes", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Lists the review notes, of one file or of all.")
  static final class Notes implements Callable<Integer> {
    private final Cli.Io io;

    @Mixin Location location = new Location();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Only the notes on this file.")
    String path;

    Notes(Cli.Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      try (Opened opened = Opened.open(location, false)) {
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

  /** Unites two copies of the knowledge base. */
  @Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Adds the lessons and notes of another copy (a directory or git:REF) that this one lacks. "
      + "For two refs the result is a merge commit, so pushing it fast-forwards the other copy.")
  static final class Merge implements Callable<Integer> {
    private final Cli.Io io;

    @Mixin Location location = new Location();

    @Option(names = "--from", paramLabel = "DIR|git:REF", required = true, description = "The other copy.")
    String from;

    Merge(Cli.Io io) {
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

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Lessons of one signature. */
  private static final class Group {
    final String signature;
    final String rule;
    final String snippet;
    final Set<Integer> prs = new TreeSet<>();
    int count;

    Group(String signature, String rule, String snippet) {
      this.signature = signature;
      this.rule = rule;
      this.snippet = snippet == null ? "" : snippet;
    }

    void add(Lesson lesson) {
      prs.add(lesson.pr());
      count++;
    }
  }

  private static void checkFormat(String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("unknown format '" + format + "': use text or json");
    }
  }

  private static void print(Cli.Io io, ObjectNode root) {
    try {
      io.out().println(MAPPER.writeValueAsString(root));
      io.out().flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}
