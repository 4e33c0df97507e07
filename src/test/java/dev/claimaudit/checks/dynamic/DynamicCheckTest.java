package dev.claimaudit.checks.dynamic;

import dev.claimaudit.checks.placeholder.PlaceholderPass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.claims.Statements;
import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the check does around the runs: which files, which runner, and when it cannot measure. */
class DynamicCheckTest {
  private static final String PASSING = """
      const test = require('node:test');
      test('holds', () => {});
      """;

  @TempDir Path dir;

  @Test
  void aWorkTreeAtAnotherCommitRunsNothingAndBlocks() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature").write("test/a.test.js", PASSING).commit("Test a\n\nAll tests pass");
      repo.checkout("main");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).isTrue();
    assertThat(audit.outcome().note()).startsWith("the work tree is at ").contains("not at the audited head").contains("check out the head");
    assertThat(audit.findings(Judge.UNMEASURED)).singleElement().satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.BLOCK));
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.UNVERIFIED);
  }

  @Test
  void aChangeWithoutTestFilesRunsNothingAndSettlesNothing() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature").write("src/a.js", "exports.a = 2;\n").commit("Bump a\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).isFalse();
    assertThat(audit.outcome().note()).startsWith("no test file to run");
    assertThat(audit.outcome().claimResults()).isEmpty();
  }

  @Test
  void helpersAndFilesWithoutARunnerAreNotedNotBlocked() throws Exception {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature")
          .write("test/a.test.js", PASSING)
          .write("test/helpers.js", "exports.fixture = () => ({ a: 1 });\n")
          .write("spec/a_spec.rb", "describe 'a' do\n  it 'holds' do\n    expect(1).to eq(1)\n  end\nend\n")
          .commit("Tests\n\n1 test passes, 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).isFalse();
    assertThat(audit.outcome().note())
        .contains("ran node --test 1 file")
        .contains("1 file in test folders declare no test and were not run")
        .contains("not run: spec/a_spec.rb (no test runner is known for .rb files)");
    assertThat(audit.outcome().findings()).isEmpty();
    assertThat(audit.outcome().claimResults()).as("a claim about every test is not backed by running some of them").isEmpty();
  }

  @Test
  void aFailureContradictsTheClaimEvenWhenAnotherTestFileCouldNotRun() throws Exception {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature")
          .write("test/a.test.js", PASSING + "test('breaks', () => { throw new Error('off by one'); });\n")
          .write("spec/a_spec.rb", "describe 'a' do\n  it 'holds' do\n    expect(1).to eq(1)\n  end\nend\n")
          .commit("Tests\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("All tests pass").evidence()).contains("1 passed, 1 failed").contains("1 other test file not measured")
        .contains("off by one");
  }

  @Test
  void aDeclaredFrameworkThatIsNotInstalledIsACheckFailureWithTheInstallCommand() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("package.json", "{ \"devDependencies\": { \"jest\": \"^29.7.0\" }, \"scripts\": { \"test\": \"jest\" } }\n")
          .write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n")
          .write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature").write("src/a.test.js", "test('holds', () => { expect(1).toBe(1); });\n").commit("Test a\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).isTrue();
    assertThat(audit.outcome().note()).contains("jest could not run: jest is declared in package.json but not installed")
        .contains("run `pnpm install` before the audit");
    assertThat(audit.outcome().findings()).as("a runner that cannot start blocks nothing").isEmpty();
    assertThat(audit.outcome().claimResults()).isEmpty();
  }

  @Test
  void aPolicyCommandRunsInsteadOfTheDetectedRunnerAndItsTapIsRead() throws Exception {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature").write("test/it's here.test.js", PASSING + "test('also holds', () => {});\n")
          .commit("Tests\n\n2 tests pass, 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", "{\"command\": \"node --test --test-reporter=tap {files}\"}");

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.outcome().note()).contains("ran dynamic.command 1 file");
    assertThat(audit.claim("2 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(audit.claim("2 tests pass").evidence()).contains("2 passed, 0 failed");
  }

  @Test
  void aPolicyCommandCanWriteAJunitReportToTheReportPlaceholder() throws Exception {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/a.js", "exports.a = 1;\n").commit("a");
      repo.branch("feature").write("test/a.test.js", PASSING + "test('breaks', () => { throw new Error('no'); });\n")
          .commit("Tests\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature",
        "{\"command\": \"node --test --test-reporter=junit --test-reporter-destination={report} {files}\"}");

    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("All tests pass").evidence()).contains("1 passed, 1 failed");
  }

  @Test
  void placeholdersAreShellQuoted() {
    Runner.Project project = new Runner.Project(dir, dir);
    String line = CommandRunner.expand("run {files} --classes {classes} --in {packages} --out {report}", project,
        List.of("src/test/java/shop/CartTest.java", "test/it's $(here).js"), dir.resolve("r.xml"));

    assertThat(line).isEqualTo("run './src/test/java/shop/CartTest.java' './test/it'\\''s $(here).js' --classes 'shop.CartTest'"
        + " --in './src/test/java/shop' './test' --out '" + dir.resolve("r.xml") + "'");
  }

  @Test
  void aBadPolicyBlockIsBadInputNamingTheKey() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").commit("a");
      repo.branch("feature").write("a.txt", "b\n").commit("b");
    }
    try (GitRepository repository = GitRepository.open(dir);
        ChangeSet changeSet = repository.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      CheckSettings settings = new CheckSettings(Optional.of(dir), false, null,
          Map.of("dynamic", new ObjectMapper().readTree("{\"timeout\": \"soon\"}")), null, Map.of());
      AuditContext context = new AuditContext(changeSet, Statements.of(List.of()), PullRequest.NONE, new CatalogLoader().builtIn(), PathFilter.defaults(), settings, PlaceholderPass::new);

      assertThatThrownBy(() -> new DynamicCheck().enabled(context)).isInstanceOf(SettingsException.class).hasMessageContaining("dynamic.timeout");
    }
  }

  @Test
  void offWithoutTheFlagAndSkippedForABareRepository() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").commit("a");
      repo.branch("feature").write("a.txt", "b\n").commit("b");
    }
    try (GitRepository repository = GitRepository.open(dir);
        ChangeSet changeSet = repository.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      AuditContext off = context(changeSet, new CheckSettings(Optional.of(dir), false, null, Map.of(), null, Map.of()));
      AuditContext bare = context(changeSet, new CheckSettings(Optional.empty(), true, null, Map.of(), null, Map.of()));

      assertThat(new DynamicCheck().enabled(off)).isFalse();
      assertThat(new DynamicCheck().skipReason(off)).contains("--dynamic").contains("dynamic.enabled");
      assertThat(new DynamicCheck().enabled(bare)).isFalse();
      assertThat(new DynamicCheck().skipReason(bare)).contains("bare");
    }
  }

  private static AuditContext context(ChangeSet changeSet, CheckSettings settings) {
    return new AuditContext(changeSet, Statements.of(List.of()), PullRequest.NONE, new CatalogLoader().builtIn(), PathFilter.defaults(), settings, PlaceholderPass::new);
  }
}
