package dev.claimaudit.cli;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.git.RepositoryPreload;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.report.Reporter;
import dev.claimaudit.report.Reporters;
import dev.claimaudit.report.RuleDocs;
import dev.claimaudit.report.SourceLinks;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
      "  audit --event event.json --report sarif=audit.sarif --report markdown=pr.md",
      "  audit install-hook                 # audit every git push from now on",
      "  source <(audit completion bash)    # complete commands and options on TAB",
      "",
      "Exit codes: 0 pass or warn, 1 block (or warn with --fail-on warn), 2 bad input, 3 internal error."
    })
final class AuditCommand implements Callable<Integer> {
  private final Cli.Io io;
  private final RepositoryPreload preload;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository to audit (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--range", paramLabel = "RANGE", description = "A..B, A...B or a single REV (REV^..REV). Default: the event's base..head, else @{upstream}..HEAD, else main..HEAD.")
  String range;

  @Option(names = "--pr-body-file", paramLabel = "FILE|-", description = "The pull request body, from a file or - for standard input.")
  String prBodyFile;

  @Option(names = "--event", paramLabel = "FILE", description = "A Gitea or GitHub pull_request event payload: PR number, title, body, base and head (default: $GITHUB_EVENT_PATH in a pull_request job).")
  Path event;

  @Option(names = "--format", paramLabel = "FORMAT", description = "Output on standard output: ${COMPLETION-CANDIDATES} (default: text).", completionCandidates = Formats.class)
  String format = "text";

  @Option(names = "--report", paramLabel = "FORMAT=FILE", description = "Also write a report in FORMAT to FILE; repeatable.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file to use instead of .claim-audit.yml at the base commit.")
  Path policy;

  @Option(names = "--policy-from", paramLabel = "WHERE", description = "Where to read .claim-audit.yml: base (default: the target branch's policy, which the change cannot edit), head or worktree.")
  PolicyLoader.From policyFrom;

  @Option(names = "--kb", paramLabel = "DIR|git:REF", description = "Knowledge base: a directory, or git:REF for a ref of the repository (default: the policy's kb.path or kb.ref).")
  String kb;

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

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 on: block, warn or never (default: the policy's fail-on, else block).")
  FailOn failOn;

  @Option(names = "--no-color", description = "No colours in text output (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  AuditCommand(Cli.Io io, RepositoryPreload preload) {
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
    Reporters.Settings settings = new Reporters.Settings(color(), SourceLinks.fromEnvironment(io.env()).orElse(null), RuleDocs.builtIn());
    Reporter reporter = reporter(format, settings);
    Reporters.Settings plain = settings.withColor(false);
    List<FileReport> fileReports = fileReports(plain);
    PullRequest pullRequest = pullRequest();
    RangeSpec rangeSpec = rangeSpec(pullRequest);
    if (policy != null && policyFrom != null) {
      throw new BadInputException("give --policy FILE or --policy-from WHERE, not both");
    }
    if (pr != null && pr < 1) {
      throw new BadInputException("--pr takes a pull request number (1 or more), got " + pr);
    }
    AuditRequest request = new AuditRequest(repo, rangeSpec, pullRequest, policy, dynamic, llm, stateDir, io.env(),
        policyFrom == null ? PolicyLoader.From.BASE : policyFrom, kbLocation(kb), pr, force, failOn);
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

  /** {@code --kb} as given, with a directory made absolute against the current directory (the policy's own is taken from the work tree). */
  static String kbLocation(String kb) {
    if (kb == null || kb.startsWith("git:")) {
      return kb;
    }
    if (kb.isBlank()) {
      throw new BadInputException("--kb takes a directory or git:REF, got an empty value");
    }
    try {
      return Path.of(kb).toAbsolutePath().normalize().toString();
    } catch (java.nio.file.InvalidPathException e) {
      throw new BadInputException("--kb: not a usable path: " + kb);
    }
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

  private PullRequest pullRequest() {
    PullRequest pullRequest = PullRequest.NONE;
    Path eventFile = event;
    String eventName = io.env().get("GITHUB_EVENT_NAME");
    boolean pullRequestEvent = eventName == null || eventName.isBlank() || eventName.startsWith("pull_request");
    if (eventFile == null && pullRequestEvent && io.env().get("GITHUB_EVENT_PATH") != null && !io.env().get("GITHUB_EVENT_PATH").isBlank()) {
      eventFile = Path.of(io.env().get("GITHUB_EVENT_PATH"));
    }
    if (eventFile != null) {
      pullRequest = EventPayload.read(eventFile).pullRequest();
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
      parsed.add(new FileReport(reporter(spec.substring(0, equals), settings), Path.of(spec.substring(equals + 1))));
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
