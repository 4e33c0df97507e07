package dev.claimaudit.report;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Region;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed verdicts every reporter is checked against: empty, one finding, many findings, a check
 * failure, and a block. Built here, with fixed ids and times, so the golden files never drift.
 */
final class GoldenVerdicts {
  static final String BASE = "1111111111111111111111111111111111111111";
  static final String HEAD = "93e3366aa6c1b3b2f0d4e5f60718293a4b5c6d7e";
  static final String MERGE_BASE = "cd752c5b0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7";
  static final String COMMIT = "93e3366aa6c1b3b2f0d4e5f60718293a4b5c6d7e";
  /** The older of the block verdict's two commits, which added its placeholder. */
  static final String FIRST_COMMIT = "5d1e0f2a3b4c5d6e7f8091a2b3c4d5e6f7081929";

  private GoldenVerdicts() {}

  /** The rules the verdicts name, as a catalog, so the golden files do not change when the built-in catalog does. */
  static Catalog catalog() {
    return new Catalog(List.of(
        rule("js-throw-not-implemented", Language.TYPESCRIPT, RuleClass.HARD_STUB, "throw new Error(\"not implemented\")",
            "The function throws instead of doing its job: a stub written as an exception."),
        rule("js-skipped-test", Language.TYPESCRIPT, RuleClass.TEST_EVASION, "skipped or to-do test",
            "A skipped or to-do test does not run, so it cannot back a claim that tests pass."),
        rule("py-raise-not-implemented", Language.PYTHON, RuleClass.HARD_STUB, "raise NotImplementedError",
            "The function raises instead of doing its job."),
        rule("rs-todo-macro", Language.RUST, RuleClass.HARD_STUB, "todo!() macro", "todo!() panics when reached: the code is not written yet."),
        rule("todo-comment", Language.PYTHON, RuleClass.SOFT_MARKER, "TODO comment", "A marker for work left to do.")),
        "golden000001");
  }

  static Map<String, Verdict> all() {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    verdicts.put("empty", empty());
    verdicts.put("one-finding", oneFinding());
    verdicts.put("many", many());
    verdicts.put("check-failure", checkFailure());
    verdicts.put("block", block());
    return verdicts;
  }

  static Verdict empty() {
    return verdict(Outcome.PASS, 1, List.of(), List.of(), List.of(ran("static", "0 files scanned with 5 rules"), ran("claims", "0 claims")), List.of());
  }

  static Verdict oneFinding() {
    Claim wip = claim("c1", ClaimKind.STATUS, Strength.HEDGED, "WIP: importer skeleton, the parser is a stub", "commit:" + COMMIT, 1);
    Finding stub = placeholder("py-raise-not-implemented", RuleClass.HARD_STUB, Severity.WARN, "src/importer.py", 12,
        "raise NotImplementedError", "        raise NotImplementedError", null, null);
    return verdict(Outcome.WARN, 1, List.of(ClaimResult.of(wip, ClaimStatus.UNVERIFIED, "a hedged claim says the work is unfinished")),
        List.of(stub), List.of(ran("static", "1 files scanned with 5 rules"), ran("claims", "1 claims: 0 backed, 0 contradicted, 1 unverified")),
        List.of());
  }

  static Verdict many() {
    Claim title = claim("c1", ClaimKind.STATUS, Strength.STRONG, "Phase 4 — export layer | done & production-ready", "pr-title", 1);
    Claim body = claim("c2", ClaimKind.TEST, Strength.STRONG, "117 tests pass · 0 fail (see `npm test`)", "pr-body", 3);
    Claim file = claim("c3", ClaimKind.FILE, Strength.NORMAL, "src/export/export_sft.ts", "commit:" + COMMIT, 6);
    Claim hostile = claim("c4", ClaimKind.SYMBOL, Strength.NORMAL,
        "Adds <script>alert(1)</script> helper `x` in [a](http://example.invalid) @alice", "pr-body", 5);
    List<ClaimResult> claims = List.of(
        ClaimResult.of(title, ClaimStatus.CONTRADICTED, "2 placeholders in the added lines; first: src/export/export_dpo.ts:10 (js-throw-not-implemented)"),
        ClaimResult.of(body, ClaimStatus.CONTRADICTED, "the change adds a test that cannot fail or does not run: tests/export_sft.test.ts:33 (js-skipped-test)"),
        ClaimResult.of(file, ClaimStatus.BACKED, "src/export/export_sft.ts is added in the range"),
        ClaimResult.of(hostile, ClaimStatus.UNVERIFIED, "no file is named, so the symbol cannot be looked up"));
    List<Finding> findings = new ArrayList<>();
    findings.add(placeholder("js-throw-not-implemented", RuleClass.HARD_STUB, Severity.BLOCK, "src/export/export_dpo.ts", 10,
        "throw new Error(\"not implemented\")", "  throw new Error(\"not implemented\");", "c1", null));
    findings.add(placeholder("js-skipped-test", RuleClass.TEST_EVASION, Severity.BLOCK, "tests/export_sft.test.ts", 33,
        "skipped or to-do test", "  test.todo(\"skips | excluded `sessions` 100% of the time\");", "c2", null));
    findings.add(placeholder("todo-comment", RuleClass.SOFT_MARKER, Severity.WARN, "docs/notes, v2:draft.py", 4,
        "TODO comment", "# TODO: 50% done, finish: a, b", null, null));
    findings.add(placeholder("py-raise-not-implemented", RuleClass.HARD_STUB, Severity.INFO, "src/base.py", 21,
        "raise NotImplementedError", "    raise NotImplementedError  # claim-audit: allow abstract base",
        null, new Suppression(null, "abstract base, subclasses implement it", null, 21)));
    findings.add(Finding.builder("suppression-invalid", "policy")
        .severity(Severity.WARN)
        .at("src/base.py", 30)
        .message("suppression gives no reason; write one after `claim-audit: allow`")
        .build());
    findings.add(Finding.builder("claim-test-contradicted", "claims")
        .severity(Severity.BLOCK)
        .message("claim \"117 tests pass · 0 fail\" is contradicted: 3 test cases are counted in the changed test files")
        .claim("c2")
        .build());
    return verdict(Outcome.BLOCK, 3, claims, findings,
        List.of(ran("static", "4 files scanned with 5 rules"), ran("claims", "4 claims: 1 backed, 2 contradicted, 1 unverified")),
        List.of("1 file not scanned: assets/logo.png (binary)"));
  }

  static Verdict checkFailure() {
    Claim done = claim("c1", ClaimKind.STATUS, Strength.NORMAL, "Implements the retry limiter", "commit:" + COMMIT, 1);
    Finding marker = placeholder("todo-comment", RuleClass.SOFT_MARKER, Severity.WARN, "src/limiter.py", 7, "TODO comment",
        "    # TODO: tune the backoff", null, null);
    return verdict(Outcome.WARN, 2, List.of(ClaimResult.of(done, ClaimStatus.BACKED, "no placeholder in the added lines")), List.of(marker),
        List.of(ran("static", "2 files scanned with 5 rules"), ran("claims", "1 claims: 1 backed, 0 contradicted, 0 unverified"),
            new CheckRun("dynamic", CheckRun.Status.ERROR, 120004, "could not check: the test command timed out after 120 s"),
            new CheckRun("llm", CheckRun.Status.SKIPPED, 0, "no model configured (--llm not given)")),
        List.of());
  }

  static Verdict block() {
    Claim done = claim("c1", ClaimKind.STATUS, Strength.STRONG, "Implement CSV statement import, done", "commit:" + COMMIT, 1);
    Claim missing = claim("c2", ClaimKind.FILE, Strength.NORMAL, "src/eviction.rs", "commit:" + COMMIT, 5);
    List<ClaimResult> claims = List.of(
        ClaimResult.of(done, ClaimStatus.CONTRADICTED, "1 placeholder in the added lines; first: src/import.rs:30 (rs-todo-macro)"),
        new ClaimResult(missing, ClaimStatus.CONTRADICTED, "src/eviction.rs does not exist at head", "src/eviction.rs", List.of()));
    List<Finding> findings = List.of(
        placeholder("rs-todo-macro", RuleClass.HARD_STUB, Severity.BLOCK, "src/import.rs", 30, "todo!() macro",
            "        todo!(\"quoted payee fields\")", "c1", null),
        Finding.builder("claim-file-contradicted", "claims")
            .severity(Severity.BLOCK)
            .at("src/eviction.rs", null)
            .message("claim \"src/eviction.rs\" is contradicted: src/eviction.rs does not exist at head")
            .claim("c2")
            .build());
    return verdict(Outcome.BLOCK, 2, claims, findings,
        List.of(ran("static", "3 files scanned with 5 rules"), ran("claims", "2 claims: 0 backed, 2 contradicted, 0 unverified")), List.of())
        .withAddedIn(Map.of(Verdict.lineKey("src/import.rs", 30), FIRST_COMMIT));
  }

  private static Verdict verdict(Outcome outcome, int commits, List<ClaimResult> claims, List<Finding> findings, List<CheckRun> checks,
      List<String> notes) {
    return new Verdict(outcome, new RangeInfo("main..feature", BASE, HEAD, MERGE_BASE, commits), claims, findings, checks,
        new Inputs(HEAD, BASE, MERGE_BASE, "ab".repeat(32), "cd".repeat(32), "golden000001", "1.2.3"), notes);
  }

  private static CheckRun ran(String name, String note) {
    return new CheckRun(name, CheckRun.Status.RAN, 42, note);
  }

  private static Claim claim(String id, ClaimKind kind, Strength strength, String text, String source, int line) {
    return new Claim(id, kind, strength, text, source, line, new ClaimSubject.Status("done"));
  }

  private static Finding placeholder(String rule, RuleClass ruleClass, Severity severity, String path, int line, String message,
      String snippet, String claim, Suppression suppression) {
    return Finding.builder(rule, "static")
        .ruleClass(ruleClass)
        .severity(severity)
        .at(path, line)
        .message(message)
        .snippet(snippet)
        .claim(claim)
        .suppression(suppression)
        .build();
  }

  private static Rule rule(String id, Language language, RuleClass ruleClass, String title, String rationale) {
    return new Rule(id, Set.of(language), ruleClass, Region.CODE, Pattern.compile("x"), List.of("x"), Rule.Scope.ANY,
        Optional.empty(), Optional.empty(), title, rationale, List.of(), List.of());
  }
}
