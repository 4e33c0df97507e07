package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.CatalogLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A finding carries what its own code says of it: nothing (no reason, or only "TODO"), a gap the
 * code owns up to (flaky, not supported yet for a named case, a tracking issue), or a condition
 * outside the change (a platform, the environment, a service, an end of life, a time budget).
 */
class CodeReasonsTest {
  private static final PlaceholderScanner SCANNER = new PlaceholderScanner(new CatalogLoader().builtIn(), new PathFilter(List.of()));

  private static CodeReason reason(String path, String code) {
    List<Finding> findings = SCANNER.scanText(path, code.replace("|", "\n") + "\n").stream()
        .filter(finding -> finding.ruleClass() != dev.claimaudit.rules.RuleClass.SOFT_MARKER).toList();
    assertThat(findings).as("one placeholder in %s", code).hasSize(1);
    return findings.get(0).reason();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "NONE; @Disabled",
      "NONE; @Disabled(\"TODO fix\")",
      "NONE; @Disabled(\"broken, need to finish this test\")",
      "ADMITTED; @Disabled(\"flaky on slow machines\")",
      "ADMITTED; @Disabled(\"see #812\")",
      "ADMITTED; @Disabled(\"the parser drops trailing comments\")",
      "EXTERNAL; @Disabled(\"needs a running mail server\")",
      "EXTERNAL; @Disabled(\"the vendor retired this model, end of life\")"})
  void aJunitSkipIsReadByItsReason(CodeReason expected, String annotation) {
    assertThat(reason("src/test/java/MailTest.java", "class MailTest {|  " + annotation + "|  @Test void sends() {}|}")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '~', value = {
      "NONE~ it.skip(\"renders the header\", () => {});",
      "ADMITTED~ // flaky: depends on the timer resolution|it.skip(\"renders the header\", () => {});",
      "ADMITTED~ it.skip(\"renders the header\", () => {}); // fails in CI, tracked in #77",
      "EXTERNAL~ test.skip(process.env.BROWSER === \"webkit\", \"no clipboard there\");",
      "NONE~ test.skip(true, \"x\");"})
  void aJavaScriptSkipIsReadByTheCommentBesideItNotByTheTestName(CodeReason expected, String code) {
    assertThat(reason("web/header.test.ts", code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "NONE; def test_export():|    pytest.skip(\"TODO\")",
      "EXTERNAL; def test_export():|    if sys.platform == \"win32\":|        pytest.skip(\"no fork on this system\")",
      "EXTERNAL; def test_export():|    if HAS_ARROW:|        run()|    else:|        pytest.skip(\"arrow is missing\")",
      "EXTERNAL; def test_export():|    if \"EXPORT_TOKEN\" not in os.environ:|        pytest.skip(\"no token\")",
      "ADMITTED; @pytest.mark.xfail(reason=\"see https://example.test/issues/9\")|def test_export():|    assert export() == 1"})
  void aPythonSkipIsExternalWhenItsConditionIsTheEnvironment(CodeReason expected, String code) {
    assertThat(reason("tests/test_export.py", code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "NONE; func TestSync(t *testing.T) {|\tt.Skip()",
      "EXTERNAL; func TestSync(t *testing.T) {|\tt.Skip(\"requires docker\")",
      "EXTERNAL; func TestSync(t *testing.T) {|\tif runtime.GOOS == \"windows\" {|\t\tt.Skip(\"no unix sockets\")"})
  void aGoSkipIsReadByItsMessageAndItsCondition(CodeReason expected, String code) {
    assertThat(reason("sync/sync_test.go", code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
      "NONE; #[ignore]|#[test]|fn syncs() { assert!(sync()); }",
      "EXTERNAL; #[ignore = \"slow: runs for minutes\"]|#[test]|fn syncs() { assert!(sync()); }",
      "ADMITTED; // we do not report this diagnostic for now|#[ignore = \"known gap\"]|#[test]|fn syncs() { assert!(sync()); }"})
  void aRustIgnoreIsReadByItsReasonAndTheCommentAboveIt(CodeReason expected, String code) {
    assertThat(reason("tests/sync.rs", code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '~', value = {
      "NONE~ src/lib.rs~ fn export() {|    todo!()",
      "NONE~ src/lib.rs~ fn export() {|    panic!(\"not implemented\")",
      "NONE~ src/app.ts~ function exportRows(): void {|  throw new Error(\"Function not implemented.\");",
      "NONE~ src/Export.java~ class Export {|  void exportCsv() {|    throw new UnsupportedOperationException(\"exportCsv not implemented\");",
      "ADMITTED~ src/models.py~ def stream(self):|    raise NotImplementedError(\"streaming is not supported yet for tool calls\")",
      "ADMITTED~ src/app.ts~ function exportWindows(): void {|  throw new Error(\"export for Windows not implemented yet\");",
      "ADMITTED~ src/lib.rs~ fn export() {|    unimplemented!(\"tracked in #42\")",
      "ADMITTED~ src/store.py~ _SYNC_ONLY = (|    \"This store does not support async methods. \"|    \"Use AsyncStore instead.\"|)|class Store:|    async def abatch(self, ops):|        raise NotImplementedError(_SYNC_ONLY)",
      "NONE~ src/store.py~ _LATER = \"todo\"|class Store:|    async def abatch(self, ops):|        raise NotImplementedError(_LATER)",
      "NONE~ src/store.py~ class Store:|    async def abatch(self, ops):|        raise NotImplementedError(_NOWHERE)"})
  void aStubIsAdmittedOnlyWhenItsMessageNamesTheCaseThatIsMissing(CodeReason expected, String path, String code) {
    assertThat(reason(path, code)).isEqualTo(expected);
  }

  @TempDir Path dir;

  @Test
  void theReasonReachesTheJsonReport() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n").commit("base");
      repo.branch("feature").write("src/test/java/MailTest.java",
          "class MailTest {\n  @Disabled(\"flaky on slow machines\")\n  @Test void sends() { assertTrue(send()); }\n}\n").commit("Add the mail test");
    }
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json", "--no-llm");
    JsonNode finding = new ObjectMapper().readTree(run.out()).path("findings").get(0);

    assertThat(finding.path("rule").asText()).isEqualTo("junit-disabled");
    assertThat(finding.path("reason").asText()).isEqualTo("admitted");
  }

  @Test
  void everyRuleNamedAsUnexcusedIsInTheCatalog() {
    var catalog = new CatalogLoader().builtIn();
    assertThat(dev.claimaudit.rules.ReasonVocabulary.builtIn().unexcused())
        .allSatisfy(id -> assertThat(catalog.rule(id)).as(id).isPresent());
  }

  @Test
  void aFocusedTestHasNoReasonWhateverItsCommentSays() {
    assertThat(reason("web/header.test.ts", "// flaky elsewhere, see #12|it.only(\"renders\", () => { expect(a).toBe(1); });"))
        .isEqualTo(CodeReason.NONE);
  }
}
