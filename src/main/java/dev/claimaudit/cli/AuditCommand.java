package dev.claimaudit.cli;

import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.report.Reporter;
import dev.claimaudit.report.Reporters;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import dev.claimaudit.checks.CheckRun;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit}: checks that what a change claims is backed by its code. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Checks that what a change claims (commit messages, PR title and body) is backed by its code, and prints a verdict: pass, warn or block.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  audit --range main..HEAD",
      "  audit --range origin/main...HEAD --pr-body-file pr.md --format json",
      "  audit --event $GITHUB_EVENT_PATH --report sarif=audit.sarif",
      "",
      "Exit codes: 0 pass or warn, 1 block (or warn with --fail-on warn), 2 bad input, 3 internal error."
    })
final class AuditCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository to audit (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--range", paramLabel = "RANGE", description = "A..B, A...B or a single REV (REV^..REV). Default: the event's base..head, else @{upstream}..HEAD, else main..HEAD.")
  String range;

  @Option(names = "--pr-body-file", paramLabel = "FILE|-", description = "The pull request body, from a file or - for standard input.")
  String prBodyFile;

  @Option(names = "--event", paramLabel = "FILE", description = "A pull_request event payload (default: $GITHUB_EVENT_PATH when set).")
  Path event;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output on standard output: ${COMPLETION-CANDIDATES} (default: text).", completionCandidates = Formats.class)
  String format = "text";

  @Option(names = "--report", paramLabel = "FORMAT=FILE", description = "Also write a report in FORMAT to FILE; repeatable.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file to use instead of .claim-audit.yml at the base commit.")
  Path policy;

  @Option(names = "--dynamic", description = "Run the tests the change adds or touches (runs the change's code).")
  boolean dynamic;

  @Option(names = "--llm", negatable = true, description = "Ask the configured model for gaps between claims and diff; --no-llm always wins.")
  Boolean llm;

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 on: block, warn or never (default: block).")
  FailOn failOn = FailOn.BLOCK;

  @Option(names = "--no-color", description = "No colours in text output (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  AuditCommand(Cli.Io io) {
    this.io = io;
  }

  /** The formats {@code --format} accepts, for completion and help. */
  static final class Formats extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Formats() {
      super(Reporters.formats());
    }
  }

  @Override
  public Integer call() {
    Reporter reporter = reporter(format, color());
    List<FileReport> fileReports = fileReports();
    PullRequest pullRequest = pullRequest();
    RangeSpec rangeSpec = rangeSpec(pullRequest);
    AuditRequest request = new AuditRequest(repo, rangeSpec, pullRequest, policy, dynamic, llm, null, io.env());
    Verdict verdict = new AuditPipeline(LocalDate.now()).run(request);
    write(reporter, verdict);
    for (FileReport report : fileReports) {
      report.write(verdict);
    }
    return exitCode(verdict).code();
  }

  private ExitCode exitCode(Verdict verdict) {
    boolean coreFailed = verdict.checks().stream()
        .anyMatch(run -> run.status() == CheckRun.Status.ERROR && Set.of("static", "claims").contains(run.name()));
    if (coreFailed) {
      io.err().println("audit: could not complete the audit: " + verdict.failedChecks().get(0).note());
      return ExitCode.INTERNAL_ERROR;
    }
    boolean fails = switch (failOn) {
      case BLOCK -> verdict.outcome() == Outcome.BLOCK;
      case WARN -> verdict.outcome() != Outcome.PASS;
      case NEVER -> false;
    };
    return fails ? ExitCode.BLOCKED : ExitCode.OK;
  }

  private boolean color() {
    return !noColor && io.terminal() && io.env().get("NO_COLOR") == null && !"dumb".equals(io.env().get("TERM"));
  }

  private static Reporter reporter(String format, boolean color) {
    return Reporters.forFormat(format, color).orElseThrow(() -> new BadInputException(
        "unknown format '" + format + "': use one of " + String.join(", ", Reporters.formats())));
  }

  private void write(Reporter reporter, Verdict verdict) {
    try {
      reporter.write(verdict, io.out());
      io.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PullRequest pullRequest() {
    PullRequest pullRequest = PullRequest.NONE;
    Path eventFile = event;
    if (eventFile == null && io.env().get("GITHUB_EVENT_PATH") != null && !io.env().get("GITHUB_EVENT_PATH").isBlank()) {
      eventFile = Path.of(io.env().get("GITHUB_EVENT_PATH"));
    }
    if (eventFile != null) {
      pullRequest = EventPayload.read(eventFile);
    }
    if (prBodyFile != null) {
      pullRequest = pullRequest.withBody(readBody(prBodyFile));
    }
    return pullRequest;
  }

  private String readBody(String file) {
    try {
      byte[] bytes = file.equals("-") ? io.in().readNBytes(PrBody.MAX_BYTES + 1) : PrBody.read(Path.of(file));
      if (bytes.length > PrBody.MAX_BYTES) {
        throw new BadInputException("PR body " + file + " is larger than " + PrBody.MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot read PR body " + file + ": " + e.getMessage(), e);
    }
  }

  private RangeSpec rangeSpec(PullRequest pullRequest) {
    if (range != null) {
      return RangeSpec.parse(range);
    }
    if (pullRequest.baseSha() != null && pullRequest.headSha() != null) {
      return RangeSpec.parse(pullRequest.baseSha() + ".." + pullRequest.headSha());
    }
    return null;
  }

  private List<FileReport> fileReports() {
    List<FileReport> parsed = new ArrayList<>();
    for (String spec : reports) {
      int equals = spec.indexOf('=');
      if (equals <= 0 || equals == spec.length() - 1) {
        throw new BadInputException("--report takes FORMAT=FILE, got '" + spec + "'");
      }
      parsed.add(new FileReport(reporter(spec.substring(0, equals), false), Path.of(spec.substring(equals + 1))));
    }
    return parsed;
  }

  /**
   * A report written to a file: to a temporary file first, then moved, so a reader never sees half
   * of it. A path that exists and is not a regular file (a pipe, a terminal, {@code /dev/stdout})
   * is written in place: moving over it would replace the device or pipe itself.
   */
  private record FileReport(Reporter reporter, Path file) {
    void write(Verdict verdict) {
      StringWriter text = new StringWriter();
      try {
        reporter.write(verdict, text);
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
          Files.writeString(absolute, text.toString(), StandardCharsets.UTF_8);
          return;
        }
        Path temp = Files.createTempFile(absolute.getParent(), ".claim-audit-", ".tmp");
        temp.toFile().deleteOnExit();
        try {
          Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
          Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
      } catch (IOException e) {
        throw new BadInputException("cannot write report " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
