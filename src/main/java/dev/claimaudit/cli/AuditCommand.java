package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.cli.kb.KbLocations;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.git.RepositoryPreload;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.report.Reporter;
import dev.claimaudit.report.Reporters;
import dev.claimaudit.report.RuleDocs;
import dev.claimaudit.report.SourceLinks;
import dev.claimaudit.state.WholeWrite;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "  audit --event event.json --report sarif=audit.sarif --report markdown=pr.md",
      "  audit install-hook                 # audit every git push from now on",
      "  source <(audit completion bash)    # complete commands and options on TAB",
      "",
      "Exit codes: 0 pass or warn, 1 block (or warn with --fail-on warn), 2 bad input, 3 internal error."
    })
final class AuditCommand implements Callable<Integer> {
  private final Io io;
  private final RepositoryPreload preload;

  @Mixin SharedOptions shared = new SharedOptions();

  @Mixin ChangeOptions change = new ChangeOptions();

  @Option(names = "--pr-body-file", paramLabel = "FILE|-", description = "The pull request body, from a file or - for standard input.")
  String prBodyFile;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output on standard output: ${COMPLETION-CANDIDATES} (default: text).", completionCandidates = Formats.class)
  String format = "text";

  @Option(names = "--report", paramLabel = "FORMAT=FILE", description = "Also write a report in FORMAT to FILE; repeatable.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--pr", paramLabel = "N", description = "The pull request's number, for the knowledge base and verdict records (default: the event's).")
  Integer pr;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Keep each verdict as DIR/verdicts/<pr>-<head>.json and reuse it for the same head and inputs.")
  Path stateDir;

  @Option(names = "--force", description = "Audit again even when a verdict with the same inputs is recorded in --state-dir.")
  boolean force;

  @Option(names = "--dynamic", description = "Run the tests the change adds or touches (runs the change's code).")
  boolean dynamic;

  @Option(names = "--llm", negatable = true, description = "Ask the configured model for gaps between claims and diff; --no-llm always wins.")
  Boolean llm;

  @Option(names = "--no-color", description = "No colours in text output (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  AuditCommand(Io io, RepositoryPreload preload) {
    this.io = io;
    this.preload = preload;
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
    Reporters.Settings settings = new Reporters.Settings(color(), SourceLinks.fromEnvironment(io.env()).orElse(null),
        RuleDocs.builtIn(FindingRegistry.builtIn().types()));
    Reporter reporter = reporter(format, settings);
    Reporters.Settings plain = settings.withColor(false);
    List<FileReport> fileReports = fileReports(plain);
    change.check();
    PullRequest pullRequest = change.pullRequest(io.env());
    if (prBodyFile != null) {
      pullRequest = pullRequest.withBody(readBody(prBodyFile));
    }
    RangeSpec rangeSpec = change.rangeSpec(pullRequest);
    if (pr != null && pr < 1) {
      throw new BadInputException("--pr takes a pull request number (1 or more), got " + pr);
    }
    AuditRequest request = new AuditRequest(shared.repo, rangeSpec, pullRequest, change.policy, dynamic, llm, stateDir, io.env(),
        change.policyFrom(), KbLocations.absolute(change.kb), pr, force, shared.failOn);
    AuditPipeline.Result result;
    try (Progress progress = Progress.on(io.err(), io.errTerminal())) {
      result = new AuditPipeline(LocalDate.now(), progress::stage).execute(request, preload::open);
    }
    Verdict verdict = result.verdict();
    write(reporter, verdict);
    for (FileReport report : fileReports) {
      report.write(verdict);
    }
    appendStepSummary(verdict, plain);
    return exitCode(verdict, result.failOn()).code();
  }

  private ExitCode exitCode(Verdict verdict, FailOn effectiveFailOn) {
    ExitCode code = ExitCode.of(verdict, effectiveFailOn);
    if (code == ExitCode.INTERNAL_ERROR) {
      CheckRun failed = verdict.failedChecks().stream()
          .filter(run -> ExitCode.CORE_CHECKS.contains(run.name())).findFirst().orElseThrow();
      io.err().println("audit: could not complete the audit: " + failed.note());
    }
    return code;
  }

  private boolean color() {
    return !noColor && io.terminal() && io.env().get("NO_COLOR") == null && !"dumb".equals(io.env().get("TERM"));
  }

  private static Reporter reporter(String format, Reporters.Settings settings) {
    return Reporters.forFormat(format, settings).orElseThrow(() -> new BadInputException(
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

  private String readBody(String file) {
    try {
      byte[] bytes = file.equals("-") ? io.in().readNBytes(PrBody.MAX_BYTES + 1) : PrBody.read(Path.of(file));
      if (bytes.length > PrBody.MAX_BYTES) {
        throw new BadInputException("PR body " + file + " is larger than " + PrBody.MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read PR body " + file + ": no such file", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read PR body " + file + ": " + e.getMessage(), e);
    }
  }

  /** Actions runners show the Markdown written to {@code $GITHUB_STEP_SUMMARY} on the run's page; a failure to write it only warns. */
  private void appendStepSummary(Verdict verdict, Reporters.Settings settings) {
    String file = io.env().get("GITHUB_STEP_SUMMARY");
    if (file == null || file.isBlank()) {
      return;
    }
    StringWriter markdown = new StringWriter();
    try {
      reporter("markdown", settings).write(verdict, markdown);
      Files.writeString(Path.of(file), markdown.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | InvalidPathException e) {
      io.err().println("audit: warning: cannot append to $GITHUB_STEP_SUMMARY (" + Cli.oneLine(file) + "): " + Cli.oneLine(e.getMessage()));
    }
  }

  private List<FileReport> fileReports(Reporters.Settings settings) {
    List<FileReport> parsed = new ArrayList<>();
    for (String spec : reports) {
      int equals = spec.indexOf('=');
      if (equals <= 0 || equals == spec.length() - 1) {
        throw new BadInputException("--report takes FORMAT=FILE, got '" + spec + "'");
      }
      parsed.add(new FileReport(reporter(spec.substring(0, equals), settings), writable(spec.substring(equals + 1))));
    }
    return parsed;
  }

  /** The file of a {@code --report}, refused before the audit starts when it cannot be written there. */
  private static Path writable(String file) {
    Path path;
    try {
      path = Path.of(file).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new BadInputException("cannot write report " + file + ": not a usable path");
    }
    Path parent = path.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException("cannot write report " + file + ": no such directory " + parent);
    }
    if (Files.isDirectory(path)) {
      throw new BadInputException("cannot write report " + file + ": it is a directory");
    }
    if (!Files.isWritable(parent) && !Files.isWritable(path)) {
      throw new BadInputException("cannot write report " + file + ": the directory " + parent + " is not writable");
    }
    return Path.of(file);
  }

  /**
   * A report written to a file: streamed to a temporary file first, then moved, so a reader never
   * sees half of it; a run stopped by a signal finishes the report it is writing, or never starts
   * it. A path that exists and is not a regular file (a pipe, a terminal, {@code /dev/stdout}) is
   * written in place: moving over it would replace the device or pipe itself.
   */
  private record FileReport(Reporter reporter, Path file) {
    void write(Verdict verdict) {
      try {
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
          try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
            reporter.write(verdict, out);
          }
          return;
        }
        WholeWrite.run(() -> {
          Path temp = Files.createTempFile(absolute.getParent(), ".claim-audit-", ".tmp");
          try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
              reporter.write(verdict, out);
            }
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(temp);
          }
        });
      } catch (IOException e) {
        throw new BadInputException("cannot write report " + file + ": " + e.getMessage(), e);
      } catch (WholeWrite.Stopping e) {
        throw new BadInputException("report " + file + " not written: the audit is stopping", e);
      }
    }
  }
}
