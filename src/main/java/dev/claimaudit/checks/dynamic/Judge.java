package dev.claimaudit.checks.dynamic;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.text.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds what the run measured against the change: a file that ran no test, failing tests and
 * skipped tests become findings; each test claim is compared with the numbers of the files it is
 * about and ends backed or contradicted. A run of the change's tests that produced no result (it
 * crashed or exited before reporting, hung past the timeout, or ran code other than the audited
 * head) blocks, and leaves the claims about it unverified: the run was asked for, and nothing
 * it did can back them.
 */
final class Judge {
  static final String NOT_RUN = "dynamic-test-not-run";
  static final String FAILED = "dynamic-test-failed";
  static final String SKIPPED = "dynamic-test-skipped";
  static final String CONTRADICTED = "dynamic-claim-contradicted";
  static final String UNMEASURED = "dynamic-test-unmeasured";
  private static final String CHECK = "dynamic";

  private final AuditContext context;
  private final Selection selection;
  private final Map<String, Tally> measured;
  private final Tally unattributed;
  private final Map<String, String> runnerOf;
  private final Map<String, String> unmeasured;
  private final Map<String, List<Finding>> byFile = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<ClaimResult> results = new ArrayList<>();

  /**
   * @param measured the tally of every file whose run finished; files missing here were not measured
   * @param unattributed cases the runners reported without a file of the selection
   * @param runnerOf the runner each measured file ran with
   * @param unmeasured why each file whose run started produced no result, by file
   */
  Judge(AuditContext context, Selection selection, Map<String, Tally> measured, Tally unattributed, Map<String, String> runnerOf,
      Map<String, String> unmeasured) {
    this.context = context;
    this.selection = selection;
    this.measured = measured;
    this.unattributed = unattributed;
    this.runnerOf = runnerOf;
    this.unmeasured = unmeasured;
    fileFindings();
    judgeClaims();
  }

  /**
   * The tests were not run, because the work tree is not the audited head ({@code why}): one
   * block, and every test claim about the change's tests unverified.
   */
  static Judge refused(AuditContext context, Selection selection, String why) {
    Judge judge = new Judge(context, selection, Map.of(), Tally.NONE, Map.of(), Map.of());
    Finding refusal = Finding.builder(UNMEASURED, CHECK).severity(Severity.BLOCK).message(why).build();
    judge.findings.clear();
    judge.results.clear();
    judge.findings.add(refusal);
    for (Claim claim : context.claims()) {
      if (claim.subject() instanceof ClaimSubject.Tests tests && judge.inScope(claim, tests)) {
        judge.results.add(new ClaimResult(claim, ClaimStatus.UNVERIFIED, why, null, List.of(refusal)));
      }
    }
    return judge;
  }

  private boolean inScope(Claim claim, ClaimSubject.Tests tests) {
    return tests.file() == null ? !selection.targets().isEmpty()
        : selection.claimedFile(claim.id()).flatMap(selection::target).isPresent();
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  List<ClaimResult> claimResults() {
    return List.copyOf(results);
  }

  private void fileFindings() {
    boolean failuresBlock = context.claims().stream()
        .anyMatch(claim -> claim.strength() == Strength.STRONG || claim.kind() == ClaimKind.TEST && claim.strength() != Strength.HEDGED);
    for (Selection.Target target : selection.targets()) {
      Tally tally = measured.get(target.path());
      if (tally == null) {
        String why = unmeasured.get(target.path());
        if (why != null) {
          Finding finding = finding(UNMEASURED, null, Severity.BLOCK, target.path(),
              "the run of " + target.path() + " produced no result: " + why + "; the run was asked for, so an unmeasured test file blocks");
          byFile.put(target.path(), List.of(finding));
          findings.add(finding);
        }
        continue;
      }
      List<Finding> found = new ArrayList<>();
      String runner = runnerOf.getOrDefault(target.path(), "the runner");
      boolean owned = target.added() || target.claimed();
      if (tally.total() == 0 && unattributed.total() == 0) {
        String declared = target.declared() > 0 ? "declares " + Texts.plural(target.declared(), "test") + " but " : "";
        found.add(finding(NOT_RUN, null, owned ? Severity.BLOCK : Severity.WARN, target.path(),
            target.path() + " " + declared + "ran no test when run with " + runner + " (never executed)"));
      }
      if (tally.broken() > 0) {
        found.add(finding(FAILED, null, failuresBlock ? Severity.BLOCK : Severity.WARN, target.path(),
            tally.broken() + " of " + Texts.plural(tally.total(), "test") + " in " + target.path() + " failed when run with " + runner
                + " (" + tally.numbers() + "); first: " + tally.firstFailure()));
      }
      long seenStatically = context.placeholders().stream()
          .filter(finding -> target.path().equals(finding.path()) && finding.ruleClass() == RuleClass.TEST_EVASION)
          .count();
      if (tally.skipped() > seenStatically) {
        String message = Texts.plural(tally.skipped(), "test") + " in " + target.path() + " did not run (skipped or todo) when run with " + runner;
        found.add(owned
            ? finding(SKIPPED, RuleClass.TEST_EVASION, Severity.WARN, target.path(), message)
            : finding(SKIPPED, null, Severity.INFO, target.path(), message + "; the file existed before the change, so they may predate it"));
      }
      byFile.put(target.path(), found);
      findings.addAll(found);
    }
  }

  private void judgeClaims() {
    for (Claim claim : context.claims()) {
      if (claim.subject() instanceof ClaimSubject.Tests tests) {
        judge(claim, tests).ifPresent(results::add);
      }
    }
  }

  private Optional<ClaimResult> judge(Claim claim, ClaimSubject.Tests tests) {
    List<Selection.Target> scope = new ArrayList<>();
    boolean named = tests.file() != null;
    if (named) {
      Optional<Selection.Target> target = selection.claimedFile(claim.id()).flatMap(selection::target);
      if (target.isEmpty()) {
        return Optional.empty();
      }
      scope.add(target.get());
    } else {
      scope.addAll(selection.targets());
    }
    List<Selection.Target> unmeasured = scope.stream().filter(target -> !measured.containsKey(target.path())).toList();
    List<Selection.Target> noResult = unmeasured.stream().filter(target -> this.unmeasured.containsKey(target.path())).toList();
    scope.removeAll(unmeasured);
    if (scope.isEmpty()) {
      return unverified(claim, noResult);
    }
    boolean complete = unmeasured.isEmpty();
    Tally tally = named ? Tally.NONE : unattributed;
    int ownedSkips = 0;
    for (Selection.Target target : scope) {
      Tally file = measured.get(target.path());
      tally = tally.plus(file);
      ownedSkips += target.added() || target.claimed() ? file.skipped() : 0;
    }
    String what = "the run of " + describe(scope) + ": " + tally.numbers()
        + (complete ? "" : " (" + Texts.plural(unmeasured.size(), "other test file") + " not measured)");
    boolean hedged = claim.strength() == Strength.HEDGED;
    boolean claimsNoFailure = tests.allPass() || tests.failed() == 0 || tests.passed() >= 0 && tests.failed() < 0;
    String contradiction = null;
    List<String> rules = List.of(NOT_RUN, FAILED, SKIPPED);
    if (complete && tally.total() == 0) {
      contradiction = what + "; no test ran";
      rules = List.of(NOT_RUN);
    } else if (complete && tests.added() > 0 && tally.passed() + tally.broken() < tests.added()) {
      contradiction = "claims " + Texts.plural(tests.added(), "test") + "; " + what + "; " + (tally.passed() + tally.broken()) + " of them ran";
      rules = List.of(NOT_RUN, SKIPPED);
    } else if (tests.failed() > 0 && tally.broken() > tests.failed()) {
      contradiction = "claims " + tests.failed() + " failing; " + what;
      rules = List.of(FAILED);
    } else if (claimsNoFailure && tally.broken() > 0) {
      contradiction = "claims " + claimedNumbers(tests) + "; " + what + "; first failure: " + failureIn(scope, tally);
      rules = List.of(FAILED);
    } else if (!hedged && ownedSkips > 0 && (claimsNoFailure || tests.passed() >= 0)) {
      contradiction = "claims " + claimedNumbers(tests) + "; " + what + "; a skipped or todo test does not pass";
      rules = List.of(SKIPPED);
    } else if (complete && tests.added() != 0 && tests.passed() < 0 && !tests.allPass() && tests.failed() < 0 && tally.passed() + tally.broken() == 0) {
      contradiction = what + "; none of the tests ran";
      rules = List.of(SKIPPED);
    } else if (named && tests.passed() >= 0 && tally.passed() < tests.passed()) {
      contradiction = "claims " + tests.passed() + " passing; " + what;
      rules = List.of(FAILED, SKIPPED, NOT_RUN);
    }
    if (contradiction == null && !noResult.isEmpty()) {
      return unverified(claim, noResult);
    }
    if (contradiction == null && !complete) {
      return Optional.empty();
    }
    if (contradiction == null) {
      String partial = !named && tests.passed() > tally.passed() ? "; the rest of the suite is outside the change and was not run" : "";
      return Optional.of(new ClaimResult(claim, ClaimStatus.BACKED, what + partial, named ? scope.get(0).path() : null, List.of()));
    }
    List<Finding> evidence = new ArrayList<>();
    for (Selection.Target target : scope) {
      for (Finding finding : byFile.getOrDefault(target.path(), List.of())) {
        if (rules.contains(finding.rule()) && finding.severity() != Severity.INFO) {
          evidence.add(finding);
        }
      }
    }
    String path = named ? scope.get(0).path() : null;
    if (evidence.isEmpty()) {
      findings.add(Finding.builder(CONTRADICTED, CHECK)
          .severity(Severity.BLOCK)
          .at(path, null)
          .message("claim \"" + oneLine(claim.text()) + "\" is contradicted by the run: " + contradiction)
          .claim(claim.id())
          .build());
    }
    return Optional.of(new ClaimResult(claim, ClaimStatus.CONTRADICTED, contradiction, path, evidence));
  }

  /** Unverified, citing the findings of the files whose run produced no result; nothing when there are none. */
  private Optional<ClaimResult> unverified(Claim claim, List<Selection.Target> noResult) {
    if (noResult.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> evidence = new ArrayList<>();
    noResult.forEach(target -> evidence.addAll(byFile.getOrDefault(target.path(), List.of())));
    Selection.Target first = noResult.get(0);
    String why = "the run of " + first.path() + (noResult.size() > 1 ? " and " + Texts.plural(noResult.size() - 1, "other file") : "")
        + " produced no result: " + unmeasured.get(first.path());
    return Optional.of(new ClaimResult(claim, ClaimStatus.UNVERIFIED, why, claim.subject() instanceof ClaimSubject.Tests tests
        && tests.file() != null ? first.path() : null, evidence));
  }

  private String failureIn(List<Selection.Target> scope, Tally total) {
    for (Selection.Target target : scope) {
      Tally tally = measured.get(target.path());
      if (tally.firstFailure() != null) {
        return target.path() + " " + tally.firstFailure();
      }
    }
    return total.firstFailure();
  }

  private static String claimedNumbers(ClaimSubject.Tests tests) {
    List<String> parts = new ArrayList<>();
    if (tests.passed() >= 0) {
      parts.add(tests.passed() + " passing");
    }
    if (tests.failed() >= 0) {
      parts.add(tests.failed() + " failing");
    }
    if (parts.isEmpty()) {
      parts.add("all tests pass");
    }
    return String.join(", ", parts);
  }

  private String describe(List<Selection.Target> scope) {
    List<String> runners = scope.stream().map(target -> runnerOf.getOrDefault(target.path(), "?")).distinct().sorted().toList();
    String files = scope.size() <= 3 ? String.join(", ", scope.stream().map(Selection.Target::path).toList())
        : scope.size() + " changed test files";
    return files + " (" + String.join(", ", runners) + ")";
  }

  private static Finding finding(String rule, RuleClass ruleClass, Severity severity, String path, String message) {
    return Finding.builder(rule, CHECK).ruleClass(ruleClass).severity(severity).at(path, null).message(message).build();
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return Texts.truncate(line, 160);
  }
}
