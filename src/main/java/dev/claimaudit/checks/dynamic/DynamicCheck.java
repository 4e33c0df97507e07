package dev.claimaudit.checks.dynamic;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.lang.TestFiles;
import dev.claimaudit.text.Texts;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs the tests the change adds, touches or names in a claim, and holds the claims to what the
 * run measured. It runs the change's code, so it is off unless {@code --dynamic} or
 * {@code dynamic.enabled} asks for it; the tests get an environment without secrets, a
 * wall-clock limit after which their whole process tree is ended, and a cap on the output kept;
 * every process they started is ended when they are done ({@link Leftovers}). Only the audited
 * head is run: a work tree at another commit, or with changes to tracked files or untracked test
 * files, runs nothing, and a run that changes tracked files counts for nothing; either blocks.
 */
public final class DynamicCheck implements Check {
  private static final Pattern TEST_CONFIG = Pattern.compile(
      "conftest\\.py|pytest\\.ini|tox\\.ini|sitecustomize\\.py|usercustomize\\.py|.*\\.pth|(?:jest|vitest|vite|babel|ava)\\.config\\.[cm]?[jt]s"
          + "|\\.mocharc(?:\\..*)?|setupTests\\.[jt]sx?");
  /** Lockfiles a build tool may bring up to date as it runs (cargo does): their changes say nothing about the code that ran. */
  private static final Pattern LOCKFILE = Pattern.compile(
      "Cargo\\.lock|go\\.sum|package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml|bun\\.lockb?|poetry\\.lock|uv\\.lock");

  @Override
  public List<FindingType> findingTypes() {
    return List.of(
        new FindingType(Judge.NOT_RUN, "test file that runs no test",
            "A test file the change adds or names ran no test at all: whatever it claims about its tests was never executed.",
            "tests/export.test.ts ran no test when run with node --test (never executed)"),
        new FindingType(Judge.FAILED, "failing test",
            "A test the change adds or touches fails or errors when it is run.",
            "1 of 4 tests in tests/test_parse.py failed when run with pytest (3 passed, 1 failed); first: test_quoted_fields"),
        new FindingType(Judge.SKIPPED, "test that did not run",
            "Tests in a file the change adds were skipped or left as todo when run: test evasion, like test.skip in the diff.",
            "2 tests in tests/export.test.ts did not run (skipped or todo) when run with node --test"),
        new FindingType(Judge.CONTRADICTED, "test claim contradicted by a run",
            "The numbers of a test claim (\"117 pass, 0 fail\") do not match those of running the change's tests.",
            "claim \"117 tests pass · 0 fail\" is contradicted: the run had 112 passed, 5 failed"),
        new FindingType(Judge.UNMEASURED, "test run that produced no result",
            "The run of the change's tests was asked for and produced no result (it exited before reporting, hung past the timeout,"
                + " or ran code other than the audited head), so nothing it did backs a test claim.",
            "the run of tests/test_parse.py produced no result: pytest exited 0 before reporting any test"));
  }

  @Override
  public String name() {
    return "dynamic";
  }

  @Override
  public void validateSettings(CheckSettings settings) {
    DynamicSettings.parse(settings.block("dynamic"), settings.dynamicFlag());
  }

  @Override
  public String summary() {
    return "Runs the tests the change adds or touches and compares the result with the claimed numbers.";
  }

  @Override
  public boolean enabled(AuditContext context) {
    return settings(context).enabled() && context.settings().workTree().isPresent();
  }

  @Override
  public String skipReason(AuditContext context) {
    if (!settings(context).enabled()) {
      return "off: it runs the change's code; turn it on with --dynamic or dynamic.enabled in the policy";
    }
    return "the repository is bare: there is no work tree to run tests in";
  }

  private static DynamicSettings settings(AuditContext context) {
    return DynamicSettings.parse(context.settings().block("dynamic"), context.settings().dynamicFlag());
  }

  @Override
  public CheckOutcome run(AuditContext context) throws IOException, InterruptedException {
    DynamicSettings settings = settings(context);
    Path workTree = context.settings().workTree().orElseThrow().toRealPath();
    String head = context.changeSet().headSha();
    Selection selection = Selection.of(context);
    List<String> notes = new ArrayList<>();
    if (selection.helpers() > 0) {
      notes.add(Texts.plural(selection.helpers(), "file") + " in test folders declare no test and were not run");
    }
    if (selection.targets().isEmpty()) {
      notes.add(0, "no test file to run: the change adds or modifies none that declares tests, and no claim names one");
      return CheckOutcome.of(List.of(), String.join("; ", notes));
    }
    Optional<String> notHead = notTheHead(workTree, head, true);
    if (notHead.isPresent()) {
      return refused(context, selection, notHead.get() + "; the tests were not run, so no claim about them is backed");
    }
    Detection.Plan plan = new Detection(workTree, settings).plan(selection.targets());
    for (Detection.Unrunnable file : plan.unrunnable()) {
      notes.add("not run: " + file.path() + " (" + file.reason() + ")");
    }
    SafeEnvironment.Scrubbed env = SafeEnvironment.scrub(context.settings().env(), settings.passEnv());
    if (!env.removed().isEmpty()) {
      notes.add(Texts.plural(env.removed().size(), "secret-looking variable") + " " + Texts.was(env.removed().size()) + " removed from the tests' environment");
    }
    // Every process of this run carries the marker, so that what a test detaches can still be ended.
    String marker = UUID.randomUUID().toString();
    Map<String, String> marked = new HashMap<>(env.env());
    marked.put(Leftovers.VARIABLE, marker);
    Path scratch = Files.createTempDirectory("claim-audit-dynamic-");
    Map<String, Tally> measured = new LinkedHashMap<>();
    Map<String, String> runnerOf = new LinkedHashMap<>();
    Map<String, String> unmeasured = new LinkedHashMap<>();
    Tally unattributed = Tally.NONE;
    List<String> problems = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    try {
      Instant deadline = Instant.now().plus(settings.timeout());
      Runner.Budget budget = new Runner.Budget(Map.copyOf(marked), deadline, settings.maxOutput(), scratch);
      for (Detection.Batch batch : plan.batches()) {
        String runner = batch.runner().name();
        if (!Instant.now().isBefore(deadline)) {
          String problem = runner + " did not start: the dynamic timeout (" + describe(settings.timeout()) + ") was used up";
          problems.add(problem);
          batch.files().forEach(file -> unmeasured.put(file, problem));
          continue;
        }
        try {
          Measurement measurement = batch.runner().run(batch.project(), batch.files(), budget);
          measurement.files().forEach((file, tally) -> {
            measured.put(file, tally);
            runnerOf.put(file, runner);
          });
          unattributed = unattributed.plus(measurement.unattributed());
          Duration took = measurement.runs().stream().map(Subprocess.Result::elapsed).reduce(Duration.ZERO, Duration::plus);
          ran.add(runner + " " + Texts.plural(batch.files().size(), "file") + " in " + Runs.seconds(took));
          if (measurement.problem() != null) {
            problems.add(measurement.problem());
            batch.files().stream().filter(file -> !measurement.files().containsKey(file))
                .forEach(file -> unmeasured.put(file, measurement.problem()));
          }
        } catch (Subprocess.StartFailure e) {
          problems.add(runner + " could not run: " + e.getMessage());
        }
      }
    } finally {
      Leftovers.end(marker);
      delete(scratch);
    }
    Optional<String> changedByRun = notTheHead(workTree, head, false);
    if (changedByRun.isPresent()) {
      return refused(context, selection, "the run changed the work tree: " + changedByRun.get() + "; what ran is not the audited head,"
          + " so no claim about the tests is backed");
    }
    Judge judge = new Judge(context, selection, measured, unattributed, runnerOf, unmeasured);
    Tally total = measured.values().stream().reduce(Tally.NONE, Tally::plus).plus(unattributed);
    StringBuilder note = new StringBuilder();
    if (!problems.isEmpty()) {
      note.append("could not measure every test file: ").append(String.join("; ", problems)).append(". ");
    }
    note.append(ran.isEmpty() ? "no test ran" : "ran " + String.join(", ", ran) + ": " + total.numbers());
    for (String extra : notes) {
      note.append("; ").append(extra);
    }
    return new CheckOutcome(judge.findings(), judge.claimResults(), note.toString(), !problems.isEmpty());
  }

  private static CheckOutcome refused(AuditContext context, Selection selection, String why) {
    Judge judge = Judge.refused(context, selection, why);
    return new CheckOutcome(judge.findings(), judge.claimResults(), why, true);
  }

  /**
   * Why the work tree is not the audited head, or empty when it is: checked out at another
   * commit, with changed tracked files, or (before the run, when {@code beforeRun}) with untracked
   * files that would take part in the tests, such as a {@code conftest.py} an install script
   * dropped. After the run, a lockfile the build tool brought up to date does not count.
   */
  private static Optional<String> notTheHead(Path workTree, String head, boolean beforeRun) {
    try (GitRepository repository = GitRepository.open(workTree)) {
      Optional<String> checkedOut = repository.headCommit();
      if (checkedOut.isEmpty() || !checkedOut.get().equals(head)) {
        return Optional.of("the work tree is at " + checkedOut.map(sha -> Texts.shortSha(sha, 12)).orElse("no commit") + ", not at the audited head "
            + Texts.shortSha(head, 12) + "; check out the head before running the tests");
      }
      GitRepository.WorkTreeStatus status = repository.workTreeStatus();
      List<String> uncommitted = status.uncommitted().stream()
          .filter(path -> beforeRun || !LOCKFILE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches()).toList();
      if (!uncommitted.isEmpty()) {
        return Optional.of("the work tree has uncommitted changes to " + Texts.plural(uncommitted.size(), "tracked file") + " (first: "
            + uncommitted.get(0) + ")");
      }
      List<String> untracked = beforeRun ? status.untracked().stream().filter(DynamicCheck::takesPartInTests).toList() : List.of();
      if (!untracked.isEmpty()) {
        return Optional.of("the work tree holds " + Texts.plural(untracked.size(), "untracked file") + " that the tests would load (first: "
            + untracked.get(0) + ")");
      }
      return Optional.empty();
    }
  }

  /** A test file, or a file test runners load on their own (pytest's conftest.py, a runner's configuration, Python's site hooks). */
  private static boolean takesPartInTests(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TestFiles.isTest(path) || TEST_CONFIG.matcher(name).matches();
  }

  private static String describe(Duration duration) {
    return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
  }

  private static void delete(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path folder, IOException error) throws IOException {
          Files.deleteIfExists(folder);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // A report left in the temporary folder is harmless; the verdict does not depend on it.
    }
  }
}
