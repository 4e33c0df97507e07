package dev.claimaudit.cli;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.checks.claims.ClaimsCheck;
import dev.claimaudit.checks.dynamic.DynamicCheck;
import dev.claimaudit.checks.llm.LlmCheck;
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
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.Digests;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.RuleSetting;
import dev.claimaudit.policy.SeverityAssigner;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs one audit: range → change set → claims → checks → severities → verdict. */
final class AuditPipeline {
  /** The checks, in report order. Adding a check means adding it here and nowhere else. */
  static List<Check> checks() {
    return List.of(new PlaceholderCheck(), new ClaimsCheck(), new DynamicCheck(), new LlmCheck());
  }

  private final LocalDate today;
  private final Consumer<String> progress;

  AuditPipeline(LocalDate today) {
    this(today, stage -> {});
  }

  /** @param progress told what the audit is doing, stage by stage, for a progress line */
  AuditPipeline(LocalDate today, Consumer<String> progress) {
    this.today = today;
    this.progress = progress;
  }

  Verdict run(AuditRequest request) {
    try (GitRepository repository = GitRepository.open(request.repo())) {
      if (request.pullRequest().mergeBase() != null) {
        repository.requireCommit(request.pullRequest().mergeBase(), "the event's merge base");
      }
      RangeSpec range = request.range() != null ? request.range() : repository.defaultRange();
      progress.accept("reading " + range.text());
      try (ChangeSet changeSet = repository.changeSet(range, DiffLimits.DEFAULT)) {
        return audit(request, range, changeSet, repository.workTree());
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
    progress.accept("checking " + changeSet.commits().size() + " commits, " + changeSet.files().size() + " files, " + claims.size() + " claims");
    List<CheckRun> runs = runChecks(checks(), context, findings, claimResults);

    List<Finding> graded = new SeverityAssigner(policy, knownRules(catalog), today).assign(findings, claims, claimResults);
    List<String> notes = new ArrayList<>(changeSet.notes());
    if (pullRequest.mergeBase() != null && changeSet.mergeBaseSha() != null && !pullRequest.mergeBase().equals(changeSet.mergeBaseSha())) {
      notes.add("the event's merge base " + pullRequest.mergeBase() + " differs from the audited range's merge base "
          + changeSet.mergeBaseSha() + ": the base branch moved, or --range names another range");
    }
    return new Verdict(
        Outcome.of(graded),
        new RangeInfo(range.text(), changeSet.baseSha(), changeSet.headSha(), changeSet.mergeBaseSha(), changeSet.commits().size()),
        merge(claimResults),
        graded,
        runs,
        new Inputs(changeSet.headSha(), changeSet.baseSha(), changeSet.mergeBaseSha(),
            Digests.sha256((pullRequest.title() == null ? "" : pullRequest.title()) + "\n" + (pullRequest.body() == null ? "" : pullRequest.body())),
            policy.digest(), catalog.version(), Version.current()),
        notes);
  }

  /**
   * One result per claim when several checks settled it: contradicted beats backed beats
   * unverified; on a tie the later check wins, as checks run from reading the code to running it.
   */
  static List<ClaimResult> merge(List<ClaimResult> results) {
    Map<String, ClaimResult> byClaim = new LinkedHashMap<>();
    for (ClaimResult result : results) {
      byClaim.merge(result.claim().id(), result, (earlier, later) -> decisiveness(later) >= decisiveness(earlier) ? later : earlier);
    }
    return List.copyOf(byClaim.values());
  }

  private static int decisiveness(ClaimResult result) {
    return switch (result.status()) {
      case CONTRADICTED -> 2;
      case BACKED -> 1;
      case UNVERIFIED -> 0;
    };
  }

  /** The rule ids an inline suppression may name: the catalog's and those the checks report themselves. */
  static Set<String> knownRules(Catalog catalog) {
    return Stream.concat(catalog.rules().stream().map(Rule::id), LlmCheck.RULES.stream()).collect(Collectors.toSet());
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

  /** Runs {@code checks} in parallel and adds what each found to {@code findings} and {@code claimResults}, in check order. */
  static List<CheckRun> runChecks(List<Check> checks, AuditContext context, List<Finding> findings, List<ClaimResult> claimResults) {
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
    } catch (SettingsException e) {
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
      if (e.getCause() instanceof SettingsException invalid) {
        throw invalid;
      }
      throw new IllegalStateException("a check failed outside its own error handling", e.getCause());
    }
  }
}
