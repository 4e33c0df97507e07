package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic check over small Python projects whose tests run with pytest. */
class PytestRunnerTest {
  private static final String UNITS = """
      def to_grams(amount, unit):
          factors = {"g": 1, "kg": 1000, "oz": 28.35}
          return round(amount * factors[unit], 2)
      """;
  private static final String UNIT_TESTS = """
      import json
      import os

      from pantry.units import to_grams


      def test_kilograms():
          assert to_grams(2, "kg") == 2000


      def test_ounces():
          assert to_grams(1, "oz") == %s


      def test_grams_stay_grams():
          assert to_grams(5, "g") == 5


      def test_runs_without_the_audit_job_secrets():
          with open("seen-env.json", "w") as out:
              json.dump(dict(os.environ), out)
          assert "FIXTURE_API_TOKEN" not in os.environ
          assert os.environ.get("FIXTURE_MARKER") == "visible"
      """;

  @TempDir Path dir;

  @BeforeEach
  void pytestIsInstalled() throws Exception {
    assumeTrue(pytestAvailable(), "pytest is not installed");
  }

  static boolean pytestAvailable() throws Exception {
    for (String python : List.of("python3", "/usr/bin/python3")) {
      if (!python.startsWith("/") && !DynamicAudit.installed(python) || python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
        continue;
      }
      Subprocess.Result probe = Subprocess.run(List.of(python, "-c", "import pytest"), Path.of("."), System.getenv(),
          Instant.now().plusSeconds(30), 4096);
      if (probe.exitCode() == 0) {
        return true;
      }
    }
    return false;
  }

  private TestRepo base() {
    return TestRepo.init(dir)
        .write("pyproject.toml", "[project]\nname = \"pantry\"\nversion = \"0.1.0\"\n")
        .write("pantry/__init__.py", "")
        .write("pantry/units.py", UNITS)
        .commit("Unit conversion");
  }

  @Test
  void aClaimThatMatchesTheRunIsBackedAndTheTestsCannotSeeTheSecret() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_units.py", UNIT_TESTS.formatted("28.35"))
          .commit("Test the conversions\n\n4 tests pass, 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.claim("4 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(audit.claim("4 tests pass").evidence()).contains("tests/test_units.py (pytest): 4 passed, 0 failed, 0 skipped, 0 errored");
    assertThat(audit.outcome().findings()).isEmpty();
    String seen = Files.readString(dir.resolve("seen-env.json"));
    assertThat(seen).doesNotContain(DynamicAudit.SECRET_VALUE).contains(DynamicAudit.MARKER_NAME);
    assertThat(dir.resolve(".pytest_cache")).doesNotExist();
  }

  @Test
  void aFailingTestContradictsZeroFailAndBlocks() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_units.py", UNIT_TESTS.formatted("28.0"))
          .commit("Test the conversions\n\n4 tests pass, 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.claim("4 tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("4 tests pass").evidence()).contains("3 passed, 1 failed").contains("test_ounces");
    Finding failed = audit.findings(Judge.FAILED).get(0);
    assertThat(failed.severity()).isEqualTo(Severity.BLOCK);
    assertThat(failed.path()).isEqualTo("tests/test_units.py");
  }

  @Test
  void aClaimedTestFileThatRunsNothingBlocks() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_rounding.py", """
          from pantry.units import to_grams


          class RoundingChecks:
              def test_two_decimals(self):
                  assert to_grams(1.2345, "g") == 1.23

              def test_large_amounts(self):
                  assert to_grams(10, "kg") == 10000
          """).commit("Rounding\n\nAdds 2 tests in tests/test_rounding.py");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    Finding notRun = audit.findings(Judge.NOT_RUN).get(0);
    assertThat(notRun.path()).isEqualTo("tests/test_rounding.py");
    assertThat(notRun.severity()).isEqualTo(Severity.BLOCK);
    assertThat(audit.claim("Adds 2 tests").status()).isEqualTo(ClaimStatus.CONTRADICTED);
  }

  @Test
  void aTestSkippedAtRunTimeInAnAddedFileIsTestEvasionAndContradictsAllPass() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_imperial.py", """
          import pytest

          from pantry.units import to_grams


          def test_ounces():
              tables = pytest.importorskip("pantry_imperial_tables")
              assert to_grams(1, "oz") == tables.OUNCE


          def test_kilograms():
              assert to_grams(1, "kg") == 1000
          """).commit("Imperial units\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    Finding skipped = audit.findings(Judge.SKIPPED).get(0);
    assertThat(skipped.ruleClass()).isEqualTo(RuleClass.TEST_EVASION);
    assertThat(skipped.message()).contains("1 test in tests/test_imperial.py did not run");
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("All tests pass").evidence()).contains("1 passed, 0 failed, 1 skipped");
  }

  @Test
  void aHungTestIsKilledAtTheTimeout() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_sync.py", """
          import os
          import time


          def test_waits_for_the_sync_server():
              with open("hung.pid", "w") as out:
                  out.write(str(os.getpid()))
              while True:
                  time.sleep(1)
          """).commit("Sync\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", "{\"timeout\": 5}");

    assertThat(audit.outcome().failed()).isTrue();
    assertThat(audit.outcome().note()).contains("pytest did not finish within the dynamic timeout");
    long pid = DynamicAudit.pid(dir.resolve("hung.pid")).orElseThrow(() -> new AssertionError("the hung test never started"));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(audit.claim("All tests pass").status()).as("a run that did not finish backs no claim").isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(audit.findings(Judge.UNMEASURED)).as("the run was asked for and measured nothing").singleElement()
        .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.BLOCK));
  }

  @Test
  void aVirtualEnvironmentWithoutPytestFallsBackToAnInterpreterThatHasIt() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("tests/test_units.py", UNIT_TESTS.formatted("28.35"))
          .commit("Test the conversions\n\n4 tests pass, 0 fail");
    }
    Path venvPython = dir.resolve(".venv/bin/python");
    Files.createDirectories(venvPython.getParent());
    Files.writeString(venvPython, "#!/bin/sh\necho \"$0: No module named pytest\" >&2\nexit 1\n");
    venvPython.toFile().setExecutable(true);
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.claim("4 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
  }
}
