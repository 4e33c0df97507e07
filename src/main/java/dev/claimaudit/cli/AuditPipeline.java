package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.checks.placeholder.PlaceholderPass;
import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathSets;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.claims.ClaimsCheck;
import dev.claimaudit.checks.dynamic.DynamicCheck;
import dev.claimaudit.checks.llm.LlmCheck;
import dev.claimaudit.claims.Admission;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.checks.placeholder.PlaceholderCheck;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.claims.Statements;
import dev.claimaudit.cores.Cores;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.CommitInfo;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.input.InputException;
import dev.claimaudit.policy.Digests;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.policy.PolicyParser;
import dev.claimaudit.policy.RuleSetting;
import dev.claimaudit.policy.SeverityAssigner;
import dev.claimaudit.policy.SuppressionAudit;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.text.Secrets;
import dev.claimaudit.verdict.Redaction;
import dev.claimaudit.verdict.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one audit: range → change set → policy → claims → checks → severities → knowledge base → verdict → records. */
final class AuditPipeline {
  /** Findings in more files than this are not attributed to commits: a report shows the first ones anyway. */
  private static final int MAX_ATTRIBUTED_FILES = 30;

  /** The checks, in report order. Adding a check means adding it here and nowhere else. */
  static List<Check> checks() {
    return List.of(new PlaceholderCheck(), new ClaimsCheck(), new DynamicCheck(), new LlmCheck());
  }

  /** Ids of every finding that is not a catalog rule: what a policy's {@code rules:} and a suppression may name besides the catalog. */
  static Set<String> findingIds() {
    return FindingRegistry.builtIn().ids();
  }

  /** The most claims audited; see {@link #kept}. */
  static final int MAX_CLAIMS = 40_000;

  /** A verdict and the exit policy it is judged by. */
  record Result(Verdict verdict, FailOn failOn) {}

  private final LocalDate today;
  private final Clock clock;
  private final Consumer<String> progress;

  AuditPipeline(LocalDate today) {
    this(today, Clock.systemUTC(), stage -> {});
  }

  AuditPipeline(LocalDate today, Clock clock) {
    this(today, clock, stage -> {});
  }

  /** @param progress told what the audit is doing, stage by stage, for a progress line */
  AuditPipeline(LocalDate today, Consumer<String> progress) {
    this(today, Clock.systemUTC(), progress);
  }

  private AuditPipeline(LocalDate today, Clock clock, Consumer<String> progress) {
    this.today = today;
    this.clock = clock;
    this.progress = progress;
  }

  Verdict run(AuditRequest request) {
    return execute(request).verdict();
  }

  Result execute(AuditRequest request) {
    return execute(request, GitRepository::open);
  }

  /** Audits with the repository that {@code open} gives for the request's directory. */
  Result execute(AuditRequest request, Function<Path, GitRepository> open) {
    CompletableFuture<Catalog> builtIn = builtInCatalog();
    try (GitRepository repository = open.apply(request.repo())) {
      if (request.pullRequest().mergeBase() != null) {
        repository.requireCommit(request.pullRequest().mergeBase(), "the event's merge base");
      }
      RangeSpec range;
      String reason = null;
      if (request.range() != null) {
        range = request.range();
        PullRequest pr = request.pullRequest();
        if (pr.baseSha() != null && range.text().equals(pr.baseSha() + ".." + pr.headSha())) {
          reason = "the pull request's base and head, from the event";
        }
      } else {
        GitRepository.DefaultRange chosen = repository.chooseDefaultRange();
        range = chosen.range();
        reason = chosen.reason();
      }
      progress.accept("reading " + range.text());
      try (ChangeSet changeSet = repository.changeSet(range, DiffLimits.DEFAULT)) {
        return audit(request, range, reason, changeSet, repository, builtIn);
      }
    }
  }

  /** The built-in catalog, parsed on another core while the range is read. */
  private static CompletableFuture<Catalog> builtInCatalog() {
    return Cores.onAnotherThread("claim-audit-catalog", () -> new CatalogLoader().builtIn());
  }

  /**
   * Throws {@link SettingsException} when a check's block of {@code policy} is invalid, as the audit
   * itself would on reading it: {@code audit config} accepts only what an audit accepts.
   */
  static void validateCheckSettings(Policy policy, AuditRequest request, GitRepository repository) {
    CheckSettings settings = new CheckSettings(repository.workTree(), request.dynamic(), request.llm(), policy.blocks(), request.stateDir(),
        request.env());
    for (Check check : checks()) {
      check.validateSettings(settings);
    }
  }

  /** The policy an audit of {@code changeSet} runs under, with the command line's overrides applied. */
  static PolicyLoader.Loaded policy(AuditRequest request, GitRepository repository, ChangeSet changeSet, Catalog builtIn) {
    PolicyLoader.Loaded loaded = new PolicyLoader(new PolicyParser(builtIn, findingIds()))
        .load(repository, changeSet, request.policyFile(), request.policyFrom());
    Policy policy = loaded.policy();
    if (request.failOn() != null) {
      policy = policy.withFailOn(request.failOn(), "--fail-on");
    }
    if (request.kb() != null) {
      policy = policy.withKbLocation(request.kb(), "--kb");
    }
    return new PolicyLoader.Loaded(policy, loaded.notes(), loaded.findings());
  }

  private Result audit(AuditRequest request, RangeSpec range, String rangeReason, ChangeSet changeSet, GitRepository repository,
      CompletableFuture<Catalog> builtInCatalog) {
    PullRequest pullRequest = request.pullRequest();
    // The claims are read from the commits while the files of the net diff are still being read.
    CompletableFuture<Statements> read = Cores.onAnotherThread("claim-audit-claims",
        () -> new ClaimExtractor().read(sources(pullRequest, changeSet.commits())));
    Catalog builtIn = Cores.await(builtInCatalog);
    PolicyLoader.Loaded loaded = policy(request, repository, changeSet, builtIn);
    Policy policy = loaded.policy();
    Catalog full = builtIn.with(policy.customRules(), policy.digest().substring(0, 12));
    Catalog catalog = enabledRules(full, policy);
    Integer pr = request.pr() != null ? request.pr() : pullRequest.number();
    Optional<Path> workTree = repository.workTree();
    Inputs inputs = new Inputs(changeSet.headSha(), changeSet.baseSha(), changeSet.mergeBaseSha(),
        Digests.sha256((pullRequest.title() == null ? "" : pullRequest.title()) + "\n" + (pullRequest.body() == null ? "" : pullRequest.body())),
        policy.digest(), full.version(), Version.current());
    List<String> notes = new ArrayList<>(loaded.notes());

    AuditMemory memory = AuditMemory.open(request, policy, full, repository, clock);
    Redaction redaction = new Redaction(Secrets.fromEnvironment(request.env()));
    Optional<Verdict> recorded = memory.recorded(pr, inputs, notes);
    if (recorded.isPresent()) {
      // Masked again: the secrets of this run's environment may not be those of the run that kept it.
      return new Result(redaction.of(recorded.get()), policy.failOn());
    }

    Statements statements = kept(Cores.await(read), notes);
    List<Claim> claims = statements.claims();
    CheckSettings settings = new CheckSettings(workTree, request.dynamic(), request.llm(), policy.blocks(), request.stateDir(), request.env());
    AuditContext context = new AuditContext(changeSet, statements, pullRequest, catalog, policy.pathSets(), settings, PlaceholderPass::new);

    List<Finding> findings = new ArrayList<>(loaded.findings());
    List<ClaimResult> claimResults = new ArrayList<>();
    progress.accept("checking " + changeSet.commits().size() + " commits, " + changeSet.files().size() + " files, " + claims.size() + " claims");
    List<CheckRun> runs = runChecks(checks(), context, findings, claimResults);
    // Files are diffed as the checks read them, so what the diff skipped is known only now.
    notes.addAll(0, changeSet.notes());

    Set<String> knownRules = knownRules(full);
    SeverityAssigner assigner = new SeverityAssigner(policy, knownRules, today);
    List<Finding> graded = new ArrayList<>(assigner.assign(findings, context.statements(), claimResults));
    graded.addAll(assigner.assign(new SuppressionAudit(knownRules, today).audit(changeSet, context.ignored(), context::linesWithSuppressions),
        context.statements(), List.of()));
    graded = distinct(graded);
    notes.addAll(pathNotes(changeSet, policy));
    if (pullRequest.mergeBase() != null && changeSet.mergeBaseSha() != null && !pullRequest.mergeBase().equals(changeSet.mergeBaseSha())) {
      notes.add("the event's merge base " + pullRequest.mergeBase() + " differs from the audited range's merge base "
          + changeSet.mergeBaseSha() + ": the base branch moved, or --range names another range");
    }

    runs.add(memory.recall(pr, graded, changeSet, workTree, assigner, notes));
    requireDeclared(graded, knownRules);
    Outcome outcome = Outcome.of(graded);
    memory.remember(pr, changeSet.headSha(), graded, notes);
    Verdict verdict = new Verdict(
        outcome,
        new RangeInfo(range.text(), changeSet.baseSha(), changeSet.headSha(), changeSet.mergeBaseSha(), changeSet.commits().size(),
            rangeReason),
        merge(claimResults),
        graded,
        runs,
        inputs,
        notes);
    // The commits that added the findings' lines are looked for while the verdict is masked: the
    // attribution reads trees on both cores, and the masking keeps no commit ids it would change.
    List<Finding> shown = graded;
    CompletableFuture<Map<String, String>> attributed = Cores.onAnotherThread("claim-audit-attribution",
        () -> addedIn(shown, changeSet, repository));
    // The record outlives the run like a report does, so it keeps the same masked text; the verdict
    // is masked once, and again only when keeping the record added a note to it.
    Verdict masked = redaction.of(verdict).withAddedIn(Cores.await(attributed));
    Verdict kept = memory.save(pr, masked);
    return new Result(kept == masked ? masked : redaction.of(kept), policy.failOn());
  }

  /**
   * The statements an audit holds to the code: all of them, up to {@link #MAX_CLAIMS} claims and
   * as many admissions. Past that (a body of tens of thousands of claim sentences would otherwise
   * fill the memory of every check and report), a repeated claim or admission is kept once, at its
   * latest moment, so that the later word still wins; then the strongest claims are kept, so
   * padding a body with hedged or plain claims cannot push a strong claim out, and the latest
   * admissions, as leaving one out can only make a placeholder weigh more. The verdict's notes
   * say how many were merged or left out.
   */
  static Statements kept(Statements statements, List<String> notes) {
    List<Claim> claims = statements.claims();
    List<Admission> admissions = statements.admissions();
    if (claims.size() <= MAX_CLAIMS && admissions.size() <= MAX_CLAIMS) {
      return statements;
    }
    List<Claim> uniqueClaims = latestOfEach(claims, claim -> List.of(claim.kind(), claim.strength(), claim.subject(), claim.disclosed(),
        claim.scope(), normalised(claim.text())));
    List<Claim> keptClaims = uniqueClaims;
    if (uniqueClaims.size() > MAX_CLAIMS) {
      List<Integer> strongest = new ArrayList<>();
      for (int i = 0; i < uniqueClaims.size(); i++) {
        strongest.add(i);
      }
      strongest.sort(java.util.Comparator.<Integer, Strength>comparing(i -> uniqueClaims.get(i).strength()).reversed()
          .thenComparing(java.util.Comparator.reverseOrder()));
      keptClaims = strongest.subList(0, MAX_CLAIMS).stream().sorted().map(uniqueClaims::get).toList();
    }
    List<Admission> uniqueAdmissions = latestOfEach(admissions, admission -> List.of(admission.kind(), admission.scope(),
        normalised(admission.text())));
    List<Admission> keptAdmissions = uniqueAdmissions.size() <= MAX_CLAIMS ? uniqueAdmissions
        : uniqueAdmissions.subList(uniqueAdmissions.size() - MAX_CLAIMS, uniqueAdmissions.size());
    notes.add("the change makes " + claims.size() + " claims and " + admissions.size() + " admissions of unfinished work, more than the "
        + MAX_CLAIMS + " of each an audit holds to the code: " + (claims.size() - uniqueClaims.size()) + " repeated claims and "
        + (admissions.size() - uniqueAdmissions.size()) + " repeated admissions were counted once, and " + (uniqueClaims.size()
        - keptClaims.size()) + " of the weakest claims and " + (uniqueAdmissions.size() - keptAdmissions.size())
        + " of the earliest admissions were left out");
    return new Statements(keptClaims, keptAdmissions);
  }

  /** One of each {@code key}, the last in {@code items}, in the order the kept ones come. */
  private static <T> List<T> latestOfEach(List<T> items, Function<T, List<Object>> key) {
    Map<List<Object>, Integer> last = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      last.put(key.apply(items.get(i)), i);
    }
    List<T> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (last.get(key.apply(items.get(i))) == i) {
        kept.add(items.get(i));
      }
    }
    return kept;
  }

  private static String normalised(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * One result per claim when several checks settled it: contradicted beats backed beats
   * unverified; on a tie the later check wins, as checks run from reading the code to running it.
   * An unverified result that cites findings (the run of the claim's tests was asked for and
   * produced no result) beats backed: a claim about a run is not backed by counting tests.
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
      case CONTRADICTED -> 3;
      case UNVERIFIED -> result.contradictedBy().isEmpty() ? 0 : 2;
      case BACKED -> 1;
    };
  }

  /** The rule ids an inline suppression may name: the catalog's and those the checks report themselves. */
  static Set<String> knownRules(Catalog catalog) {
    Set<String> known = new HashSet<>(findingIds());
    catalog.rules().forEach(rule -> known.add(rule.id()));
    return known;
  }

  /**
   * The commit that added the line of each finding a report shows (block and warn, not suppressed),
   * when the range has several commits to choose from; a few dozen files at most, so a huge verdict
   * costs no more than a small one.
   */
  static Map<String, String> addedIn(List<Finding> findings, ChangeSet changeSet, GitRepository repository) {
    if (changeSet.commits().size() < 2) {
      return Map.of();
    }
    Map<String, Set<Integer>> lines = new TreeMap<>();
    for (Finding finding : findings) {
      if (!finding.suppressed() && finding.severity() != Severity.INFO && finding.path() != null && finding.line() != null
          && (lines.containsKey(finding.path()) || lines.size() < MAX_ATTRIBUTED_FILES)) {
        lines.computeIfAbsent(finding.path(), path -> new TreeSet<>()).add(finding.line());
      }
    }
    if (lines.isEmpty()) {
      return Map.of();
    }
    Map<String, String> commits = new HashMap<>();
    repository.addedIn(changeSet.headSha(), changeSet.commits(), lines)
        .forEach((path, byLine) -> byLine.forEach((line, sha) -> commits.put(Verdict.lineKey(path, line), sha)));
    return commits;
  }

  /**
   * Fails the audit on a finding whose id nobody declared: every id must be explainable and
   * configurable, and a test that makes one would otherwise pass unnoticed.
   */
  static void requireDeclared(List<Finding> findings, Set<String> declared) {
    for (Finding finding : findings) {
      if (!declared.contains(finding.rule())) {
        throw new IllegalStateException("finding id " + finding.rule() + " (from the " + finding.check()
            + " check) is declared neither in the catalog nor by a check's findingTypes()");
      }
    }
  }

  private static List<Finding> distinct(List<Finding> findings) {
    return new ArrayList<>(new LinkedHashSet<>(findings));
  }

  /** Says how many changed files the policy's path sets kept out of the scan, so that nothing is left out silently. */
  private static List<String> pathNotes(ChangeSet changeSet, Policy policy) {
    PathSets paths = policy.pathSets();
    long ignored = changeSet.files().stream().filter(file -> paths.ignore().matches(file.path())).count();
    long generated = changeSet.files().stream()
        .filter(file -> !paths.ignore().matches(file.path()) && paths.generated().matches(file.path())).count();
    List<String> notes = new ArrayList<>();
    if (ignored > 0) {
      notes.add(Texts.plural(ignored, "changed file") + " matched paths.ignore and " + Texts.was(ignored)
          + " not scanned");
    }
    if (generated > 0) {
      notes.add(Texts.plural(generated, "changed file") + " matched paths.generated and " + Texts.was(generated)
          + " not scanned for placeholders");
    }
    return notes;
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

  /**
   * The PR's title and body first, then the commit messages from oldest to newest. A merge's
   * message counts too: its boilerplate subject claims nothing, but what its author wrote below does.
   */
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
      sources.add(ClaimSource.commit(commit.sha(), commit.message()));
    }
    return sources;
  }

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
    } catch (InputException e) {
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
      if (e.getCause() instanceof InputException input) {
        throw input;
      }
      throw new IllegalStateException("a check failed outside its own error handling", e.getCause());
    }
  }
}
