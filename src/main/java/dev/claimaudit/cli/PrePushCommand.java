package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.report.Text;
import dev.claimaudit.report.TextReporter;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit pre-push REMOTE URL}: git's pre-push hook; audits what each pushed ref sends and stops a push that blocks. */
@Command(
    name = "pre-push",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Audits the commits a git push sends, one pushed ref at a time, and exits 1 when a verdict blocks, which stops the push.",
        "Reads git's pre-push input on standard input: one '<local-ref> <local-sha> <remote-ref> <remote-sha>' line per ref.",
        "A new branch is audited from where it leaves the remote-tracking branches; a deletion is skipped; no input means nothing to push.",
        "Reports go to standard error. Set CLAIM_AUDIT_SKIP=1 (or use git push --no-verify) to push without the audit."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  audit install-hook            # install the hook that runs this command",
        "  git push                      # the hook audits what the push sends",
        "  CLAIM_AUDIT_SKIP=1 git push   # push once without the audit",
        "",
        "Exit codes: 0 nothing blocks, 1 a pushed ref blocks, 2 bad input, 3 internal error."})
final class PrePushCommand implements Callable<Integer> {
  /** Git's pre-push input is a few lines per ref; more than this is not git talking. */
  static final int MAX_INPUT_BYTES = 1024 * 1024;

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern ZEROS = Pattern.compile("0+");

  private final Io io;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote's name (or its URL when the push names no remote).")
  String remote;

  @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "The remote's URL.")
  String url;

  @Mixin SharedOptions shared = new SharedOptions();

  @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or standard error is not a terminal).")
  boolean noColor;

  PrePushCommand(Io io) {
    this.io = io;
  }

  /** One line of git's pre-push input. */
  record Update(String localRef, String localSha, String remoteRef, String remoteSha) {
    boolean deletion() {
      return ZEROS.matcher(localSha).matches();
    }
  }

  @Override
  public Integer call() {
    String skip = io.env().get("CLAIM_AUDIT_SKIP");
    if (skip != null && !skip.isBlank() && !skip.equals("0")) {
      io.err().println("claim-audit: CLAIM_AUDIT_SKIP is set, so this push is not audited");
      return ExitCode.OK.code();
    }
    List<Update> updates = updates(readInput());
    if (updates.isEmpty()) {
      return ExitCode.OK.code();
    }
    ExitCode worst = ExitCode.OK;
    List<String> blocked = new ArrayList<>();
    try (GitRepository repository = GitRepository.open(shared.repo); Progress progress = Progress.on(io.err(), io.errTerminal())) {
      for (int i = 0; i < updates.size(); i++) {
        Update update = updates.get(i);
        String target = Text.line(remote, 200) + " " + Text.line(update.remoteRef(), 200);
        if (update.deletion()) {
          io.err().println("claim-audit: " + target + ": deleted, nothing to audit");
          continue;
        }
        Optional<RangeSpec> range = repository.pushedRange(update.localSha(), update.remoteSha());
        if (range.isEmpty()) {
          io.err().println("claim-audit: " + target + ": no commit the remote lacks, nothing to audit");
          continue;
        }
        progress.stage("auditing " + update.remoteRef() + " (" + (i + 1) + " of " + updates.size() + ")");
        AuditRequest request = new AuditRequest(shared.repo, range.get(), PullRequest.NONE, null, false, null, null, io.env(),
            PolicyLoader.From.BASE, null, null, false, shared.failOn);
        AuditPipeline.Result result = new AuditPipeline(LocalDate.now(), progress::stage).execute(request);
        Verdict verdict = result.verdict();
        ExitCode code = ExitCode.of(verdict, result.failOn());
        report(target, verdict);
        if (code == ExitCode.BLOCKED || code == ExitCode.INTERNAL_ERROR) {
          blocked.add(update.remoteRef());
        }
        worst = code.code() > worst.code() ? code : worst;
      }
    }
    if (!blocked.isEmpty()) {
      io.err().println("claim-audit: push stopped: " + Text.line(String.join(", ", blocked), 300)
          + (worst == ExitCode.INTERNAL_ERROR ? " could not be audited." : " claims more than its code backs.")
          + " Fix the findings above, or push without the audit: git push --no-verify (or CLAIM_AUDIT_SKIP=1 git push).");
    }
    return worst.code();
  }

  /** One line when the verdict passes; the whole text report when there is anything to read. */
  private void report(String target, Verdict verdict) {
    String where = target + ", " + Text.line(verdict.range().spec(), 200);
    if (verdict.outcome() == Outcome.PASS && verdict.failedChecks().isEmpty()) {
      io.err().println(verdict.summary() + " (" + where + ", " + Texts.plural(verdict.range().commits(), "commit") + ")");
      io.err().flush();
      return;
    }
    boolean color = !noColor && io.errTerminal() && io.env().get("NO_COLOR") == null && !"dumb".equals(io.env().get("TERM"));
    io.err().println("claim-audit: " + where);
    try {
      new TextReporter(color).write(verdict, io.err());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    io.err().println();
    io.err().flush();
  }

  private String readInput() {
    try {
      byte[] bytes = io.in().readNBytes(MAX_INPUT_BYTES + 1);
      if (bytes.length > MAX_INPUT_BYTES) {
        throw new BadInputException("pre-push: standard input is larger than 1 MiB; git sends one short line per pushed ref");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("pre-push: cannot read standard input: " + e.getMessage(), e);
    }
  }

  /** Parses git's lines, splitting from the right because a local ref may contain spaces. */
  static List<Update> updates(String input) {
    List<Update> updates = new ArrayList<>();
    List<String> lines = input.lines().toList();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty()) {
        continue;
      }
      int third = line.lastIndexOf(' ');
      int second = third < 0 ? -1 : line.lastIndexOf(' ', third - 1);
      int first = second < 0 ? -1 : line.lastIndexOf(' ', second - 1);
      if (first <= 0) {
        throw badLine(number);
      }
      Update update = new Update(line.substring(0, first), line.substring(first + 1, second), line.substring(second + 1, third),
          line.substring(third + 1));
      if (!OBJECT_ID.matcher(update.localSha()).matches() || !OBJECT_ID.matcher(update.remoteSha()).matches()
          || update.remoteRef().isEmpty()) {
        throw badLine(number);
      }
      updates.add(update);
    }
    return updates;
  }

  private static BadInputException badLine(int number) {
    return new BadInputException("pre-push: line " + number
        + " of standard input is not '<local-ref> <local-sha> <remote-ref> <remote-sha>' (is this running as git's pre-push hook?)");
  }
}
