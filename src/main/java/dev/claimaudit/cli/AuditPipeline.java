package dev.claimaudit.cli;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.claims.ClaimsCheck;
import dev.claimaudit.checks.placeholder.Catalog;
import dev.claimaudit.checks.placeholder.CatalogLoader;
import dev.claimaudit.checks.placeholder.PlaceholderCheck;
import dev.claimaudit.checks.placeholder.Rule;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.CommitInfo;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitInputException;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.Digests;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.RuleSetting;
import dev.claimaudit.policy.SeverityAssigner;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Secrets;
import dev.claimaudit.verdict.Verdict;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Runs one audit: range → change set → claims → checks → severities → verdict. */
final class AuditPipeline {
  /** The checks, in report order. Adding a check means adding it here and nowhere else. */
  static List<Check> checks() {
    return List.of(new PlaceholderCheck(), new ClaimsCheck());
  }

  private final LocalDate today;

  AuditPipeline(LocalDate today) {
    this.today = today;
  }

  Verdict run(AuditRequest request) {
    try (GitRepository repository = GitRepository.open(request.repo())) {
      RangeSpec range = request.range() != null ? request.range() : repository.defaultRange();
      try (ChangeSet changeSet = repository.changeSet(range, DiffLimits.DEFAULT)) {
        return Secrets.fromEnvironment(request.env()).redact(audit(request, range, changeSet, repository.workTree()));
      }
    }
  }

  private Verdict audit(AuditRequest request, RangeSpec range, ChangeSet changeSet, Optional<Path> workTree) {
    Policy policy = Policy.defaults();
    Catalog catalog = enabledRules(new CatalogLoader().builtIn(), policy);
    PullRequest pullRequest = request.pullRequest();
    List<Claim> claims = new ClaimExtractor().extract(sources(pullRequest, changeSet.commits()));
    CheckSettings settings = new CheckSettings(workTree, request.dynamic(), request.llm(), policy.blocks(), request.stateDir(), request.env());
    AuditContext context = new AuditContext(changeSet, claims, pullRequest, catalog, policy.ignoreFilter(), settings);

    List<Finding> findings = new ArrayList<>();
    List<ClaimResult> claimResults = new ArrayList<>();
    List<CheckRun> runs = runChecks(context, findings, claimResults);

    Set<String> knownRules = catalog.rules().stream().map(Rule::id).collect(Collectors.toSet());
    List<Finding> graded = new SeverityAssigner(policy, knownRules, today).assign(findings, claims, claimResults);
    List<String> notes = new ArrayList<>(changeSet.notes());
    return new Verdict(
        Outcome.of(graded),
        new RangeInfo(range.text(), changeSet.baseSha(), changeSet.headSha(), changeSet.mergeBaseSha(), changeSet.commits().size()),
        claimResults,
        graded,
        runs,
        new Inputs(changeSet.headSha(), changeSet.baseSha(), changeSet.mergeBaseSha(),
            Digests.sha256((pullRequest.title() == null ? "" : pullRequest.title()) + "\n" + (pullRequest.body() == null ? "" : pullRequest.body())),
            policy.digest(), catalog.version(), Version.current()),
        notes);
  }

  private static Catalog enabledRules(Catalog catalog, Policy policy) {
    List<Rule> enabled = catalog.rules().stream()
        .filter(rule -> {
          RuleSetting setting = policy.rules().get(rule.id());
          return setting == null || setting.enabled();
        })
        .toList();
    return new Catalog(enabled, catalog.version());
  }

  /** The PR's title and body first, then the commit messages from oldest to newest; merge commits say nothing. */
  static List<ClaimSource> sources(PullRequest pullRequest, List<CommitInfo> commits) {
    List<ClaimSource> sources = new ArrayList<>();
    if (pullRequest.title() != null && !pullRequest.title().isBlank()) {
      sources.add(ClaimSource.prTitle(pullRequest.title(), pullRequest.draft()));
    }
    if (pullRequest.body() != null && !pullRequest.body().isBlank()) {
      sources.add(ClaimSource.prBody(pullRequest.body(), pullRequest.draft()));
    }
    for (int i = commits.size() - 1; i >= 0; i--) {
      CommitInfo commit = commits.get(i);
      if (commit.parentCount() > 1 && commit.subject().startsWith("Merge ")) {
        continue;
      }
      sources.add(ClaimSource.commit(commit.sha(), commit.message()));
    }
    return sources;
  }

  private static List<CheckRun> runChecks(AuditContext context, List<Finding> findings, List<ClaimResult> claimResults) {
    List<Check> checks = checks();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(checks.size(), 4), runnable -> {
      Thread thread = new Thread(runnable, "claim-audit-check");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Timed>> futures = new ArrayList<>();
      for (Check check : checks) {
        futures.add(pool.submit(() -> timed(check, context)));
      }
      List<CheckRun> runs = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        Timed timed = await(futures.get(i));
        runs.add(timed.run());
        if (timed.outcome() != null) {
          findings.addAll(timed.outcome().findings());
          claimResults.addAll(timed.outcome().claimResults());
        }
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  private record Timed(CheckRun run, CheckOutcome outcome) {}

  private static Timed timed(Check check, AuditContext context) {
    long start = System.nanoTime();
    if (!check.enabled(context)) {
      return new Timed(new CheckRun(check.name(), CheckRun.Status.SKIPPED, 0, check.skipReason(context)), null);
    }
    try {
      CheckOutcome outcome = check.run(context);
      long millis = (System.nanoTime() - start) / 1_000_000;
      CheckRun.Status status = outcome.failed() ? CheckRun.Status.ERROR : CheckRun.Status.RAN;
      return new Timed(new CheckRun(check.name(), status, millis, outcome.note()), outcome);
    } catch (GitInputException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Timed(new CheckRun(check.name(), CheckRun.Status.ERROR, millis, "could not check: " + message), null);
    }
  }

  private static Timed await(Future<Timed> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a check", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GitInputException input) {
        throw input;
      }
      throw new IllegalStateException("a check failed outside its own error handling", e.getCause());
    }
  }
}
