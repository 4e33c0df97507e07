package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a commit message claims, case by case: the message, the claims it must yield, and the
 * claims it must not yield, in {@link ClaimNotation}. A leading {@code ~} marks a hedged claim.
 */
class ClaimExtractorTest {

  static Stream<Arguments> messages() {
    return Stream.of(
        claims("done in the subject is a strong status claim",
            "Implement CSV statement import, done",
            yields("status/strong")),
        claims("a conventional-commit feature is a normal status claim",
            "feat(api): add per-key rate limiter",
            yields("status/normal")),
        claims("an issue-closing keyword is a status claim, but not a strong one: the issue may be fixed and a TODO left",
            "fix: keep the cursor on empty input (fixes #42)",
            yields("status/normal"), none("status/strong")),
        claims("a tracker key closes an issue too",
            "Resolves PAY-1182: retry card captures",
            yields("status/normal")),
        claims("every subject claims a change, a version bump too",
            "Bump version to 1.4.2",
            yields("status/normal"), none("status/strong")),
        claims("a terse fix of the tests claims the tests",
            "fix more tests",
            yields("tests"), none("status/normal")),
        claims("a conventional test commit claims tests",
            "test(parser): cover the empty input",
            yields("tests")),
        claims("a request to run CI again claims nothing",
            "Empty commit to retrigger CI",
            none("status/normal", "tests")),
        claims("the boilerplate subject of a merge claims nothing, what its author wrote below does",
            "Merge pull request #12 from ana/payments\n\nAdd card refunds to the payments service",
            yields("status/normal")),
        claims("WIP in the subject hedges every claim of the message",
            "WIP: Atom feed output — skeleton only\n\nEntries render, but <author> is not yet implemented.\nCarry-over to next phase.",
            none("status/normal", "status/strong")),
        claims("'not yet implemented' is not a claim that something is implemented",
            "Render entries\n\nThe <author> element is not yet implemented.",
            none("status/strong", "~status/hedged")),
        claims("a draft marker anywhere hedges the source",
            "Add exporter\n\nThis is a draft; do not merge.",
            yields("~status/hedged"), none("status/normal")),
        claims("trailers are not claims",
            "Add retry budget\n\nSigned-off-by: Ana <ana@example.com>\nCo-Authored-By: Bot Builder <noreply@example.com>",
            yields("status/normal"), none("file/added/noreply@example.com")),
        claims("quoted text is not the author's claim",
            "Tighten the parser\n\n> All tests pass and the feature is done.\n\nThe quote above is from the old PR.",
            none("tests/all", "status/strong")),
        claims("fenced code is not a claim",
            "Document the release script\n\n```\nNew files:\n- scripts/release.sh\nAll tests pass\n```",
            none("file/added/scripts/release.sh", "tests/all")),
        claims("an unticked template item is not a claim, a ticked one is",
            "## Checklist\n\n- [ ] All tests pass\n- [x] Adds tests for the tokenizer",
            yields("tests"), none("tests/all")),
        claims("a path that is only mentioned is not a file claim",
            "Speed up lookups\n\nSee src/index/lookup.ts for the benchmark notes.",
            none("file/added/src/index/lookup.ts", "file/changed/src/index/lookup.ts")),
        claims("disclosed follow-up work is not a claim",
            "Add HTTP client\n\nFollow-up: add retries with backoff.",
            none("status/strong")),
        claims("new files listed under a heading",
            "Add LRU store\n\nNew files:\n- src/lru.rs\n- tests/lru_tests.rs\n\nUpdated: src/lib.rs",
            yields("file/added/src/lru.rs", "file/added/tests/lru_tests.rs", "file/updated/src/lib.rs")),
        claims("an indented file table under a counting heading",
            "Export layer\n\nFiles (3 new + 1 schema update):\n  src/quarantine.ts      shared writer\n  src/export_rag.ts      RAG exporter\n  tests/exports.test.ts  15 firewall tests",
            yields("files/3+1", "file/changed/src/quarantine.ts", "file/changed/tests/exports.test.ts", "tests/added=15@tests/exports.test.ts")),
        claims("inline lists of new and updated files",
            "Honour the opt-out tag\n\nNew: src/export/filters.ts\nUpdated: src/export/export_sft.ts, tests/export_sft.test.ts",
            yields("file/added/src/export/filters.ts", "file/updated/src/export/export_sft.ts", "file/updated/tests/export_sft.test.ts")),
        claims("a test count in a named file",
            "Cross rates\n\nAdds 6 tests in tests/test_convert.py.",
            yields("tests/added=6@tests/test_convert.py")),
        claims("claimed pass and fail numbers",
            "Test metrics: 117 distillation tests pass · 0 fail · 315 expects · 327ms",
            yields("tests/passed=117,failed=0")),
        claims("all tests pass",
            "Add link expiry\n\nAll tests pass.",
            yields("tests/all", "status/normal")),
        claims("tests for something, with no number",
            "Support section inheritance\n\nAdds tests for the parser: inheritance, overrides and empty parents.",
            yields("tests")),
        claims("an absence claim about TODOs",
            "Finish conversion\n\nNo TODOs left.",
            yields("absence/markers")),
        claims("an absence claim about stubs",
            "Production-ready. All tests pass and there are no stubs left.",
            yields("absence/stubs", "status/strong", "tests/all")),
        claims("a constant said to be in a file named by its basename",
            "Opt-out\n\nAdds SFT_NEVER constant in export_sft.ts and an isOptedOut() helper in\nsrc/export/filters.ts; exportSft() now drops opted-out sessions.",
            yields("symbol/SFT_NEVER@export_sft.ts", "symbol/isOptedOut@src/export/filters.ts"), none("symbol/exportSft@-")),
        claims("a code span after an adding verb",
            "Add `parseDuration()` for the --timeout flag",
            yields("symbol/parseDuration@-")),
        claims("a subject that updates a file claims that file",
            "Update AsyncToolCallback.java",
            yields("file/updated/AsyncToolCallback.java")),
        claims("a removal claims the file is gone",
            "Remove docs/old-setup.md",
            yields("file/removed/docs/old-setup.md")),
        claims("a ticked item that puts something into a file claims that file",
            "Summary\n\n- [x] response_format parameter added to openai-options.ts",
            yields("file/changed/openai-options.ts")),
        claims("a file named as context is not a claim that it changed",
            "Add tests for buffer.ts",
            none("file/updated/buffer.ts", "file/changed/buffer.ts", "file/added/buffer.ts")),
        claims("a plain word before a file it was added to is not a symbol",
            "Docs\n\nAdded a note to `contributing/providers.md`.",
            none("symbol/note@contributing/providers.md")),
        claims("a plain word after an adding verb is not a symbol",
            "Add support for retries",
            none("symbol/support@-", "symbol/retries@-")),
        claims("an enumeration with its count",
            "Quarantine reasons (4): missing_provenance, empty_content,\nschema_violation, duplicate_id.",
            yields("enum/4/4")),
        claims("an enumeration's last item joined with 'and' is its own item",
            "Modes (3): fast, safe and paranoid.",
            yields("enum/3/3")),
        claims("commas inside parentheses do not split an enumeration item",
            "Formats (2): csv (with headers, quoted), json. Both stream.",
            yields("enum/2/2")),
        claims("a count of new tests without a verb", "Parser\n\n3 new tests in tests/test_parse.py", yields("tests/added=3@tests/test_parse.py")),
        claims("the size of a whole suite is not a count of added tests",
            "Speed up the runner\n\nThe suite now contains 120 tests and runs in 3s.",
            none("tests/added=120")),
        claims("quoted words are a mention, not a claim",
            "Hedge detection\n\nWording such as 'no stubs left' or \"all tests pass\" is now read as a claim.",
            none("absence/stubs", "tests/all")),
        claims("a revert quotes the reverted subject without claiming it",
            "Revert \"Finish the importer, done\"\n\nThis reverts commit 0123abc.",
            none("status/strong")),
        claims("'test' as a modifier is not a claim about tests",
            "Update publish workflow and add test PyPI option",
            none("tests")),
        claims("a regression test at the end of a sentence is a test claim",
            "Add regression test",
            yields("tests")),
        claims("done in German is a strong claim", "Zahlungen fertig", yields("status/strong")),
        claims("done in French is a strong claim", "Paiements terminés", yields("status/strong")),
        claims("done in Chinese is a strong claim", "支付功能已完成", yields("status/strong")),
        claims("a check mark after the subject says it is done", "Payments: ✅", yields("status/strong")),
        claims("a rocket after readiness says it ships", "Ready for prod 🚀", yields("status/strong")),
        claims("a zero-width space does not hide a word", "Importer d\u200bone", yields("status/strong")),
        claims("a gitmoji at the head of a subject names the kind of change, not its state",
            "✅ Add tests for the parser", none("status/strong")),
        claims("emoji and Markdown emphasis do not hide a claim",
            "🚀 **Shipped** the onboarding flow ✅",
            yields("status/strong")),
        claims("'done' that is negated is not a claim",
            "Exporter groundwork\n\nThe DPO side is not done yet.",
            none("status/strong")),
        claims("a future sentence is skipped but its neighbours count",
            "Implemented the SFT exporter. The DPO exporter will be implemented in #13.",
            yields("status/normal"), none("status/strong")),
        claims("partial work is hedged",
            "Partially implement the importer; quoted fields are a stub for now",
            none("status/normal", "status/strong")));
  }

  @Test
  void aBodyLineWrittenAsACommitSubjectIsScopedAsOne() {
    List<Claim> claims = new ClaimExtractor().extract(List.of(ClaimSource.prBody(
        "feat(markdown/parser): support thematic break block parser (#3982)", false)));

    assertThat(claims).isNotEmpty().allSatisfy(claim -> assertThat(claim.scope().words())
        .contains("thematic").doesNotContain("parser", "markdown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void extractsWhatTheMessageClaims(String name, String message, List<String> must, List<String> mustNot) {
    List<String> found = new ClaimExtractor().extract(List.of(ClaimSource.commit("0123456789abcdef", message)))
        .stream().map(ClaimNotation::of).toList();

    for (String expected : must) {
      assertThat(found).as("claims of %s", message).anyMatch(claim -> spells(claim, expected));
    }
    for (String unexpected : mustNot) {
      assertThat(found).as("claims of %s", message).noneMatch(claim -> spells(claim, unexpected));
    }
  }

  /** A claim matches its exact notation, or a prefix of it ending at a '/' ("tests" matches any test claim). */
  private static boolean spells(String claim, String notation) {
    return claim.equals(notation) || claim.startsWith(notation + "/");
  }

  private static Arguments claims(String name, String message, List<String> must) {
    return Arguments.of(name, message, must, List.of());
  }

  private static Arguments claims(String name, String message, List<String> must, List<String> mustNot) {
    return Arguments.of(name, message, must, mustNot);
  }

  private static Arguments claims(String name, String message, Exclusions mustNot) {
    return Arguments.of(name, message, List.of(), mustNot.claims());
  }

  private static Arguments claims(String name, String message, List<String> must, Exclusions mustNot) {
    return Arguments.of(name, message, must, mustNot.claims());
  }

  private static List<String> yields(String... claims) {
    return List.of(claims);
  }

  private static Exclusions none(String... claims) {
    return new Exclusions(List.of(claims));
  }

  private record Exclusions(List<String> claims) {}
}
