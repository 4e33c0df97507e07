package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --dynamic run the change tries to fool: a run that measures nothing, code that is not the head, processes that outlive it. */
class DynamicRunCasesTest {
  private static final String UNMEASURED = "dynamic-test-unmeasured";

  @TempDir Path dir;
  private final List<Long> started = new ArrayList<>();

  @AfterEach
  void endWhatAFailedCaseLeftRunning() {
    started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private Path repo() {
    return dir.resolve("repo");
  }

  private static boolean installed(String program) {
    return Stream.of(System.getenv("PATH").split(":")).anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
  }

  private static boolean pytest() {
    try {
      Process probe = new ProcessBuilder("python3", "-m", "pytest", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private CliRun auditDynamic() {
    return auditWith(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()), "", "--repo", repo().toString(), "--range",
        "main..feature", "--format", "json", "--dynamic");
  }

  private static List<String> rules(CliRun run) {
    List<String> rules = new ArrayList<>();
    json(run).path("findings").forEach(finding -> rules.add(finding.path("rule").asText() + ":" + finding.path("severity").asText()));
    return rules;
  }

  private static String claimStatus(CliRun run, String text) {
    for (JsonNode claim : json(run).path("claims")) {
      if (claim.path("text").asText().contains(text)) {
        return claim.path("status").asText();
      }
    }
    throw new AssertionError("no claim containing '" + text + "' in " + run.out());
  }

  private static final String PASSING_NODE_TEST = """
      const test = require('node:test');
      test('rounds to cents', () => {});
      """;

  @Test
  @DisplayName("10: a conftest.py that exits 0 at the first failure blocks, and the test claim is unverified")
  void aRunThatExitsBeforeReportingBlocks() {
    assumeTrue(pytest(), "pytest is installed");
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature")
          .write("tests/conftest.py", """
              import os


              def pytest_runtest_logreport(report):
                  if report.failed:
                      os._exit(0)
              """)
          .write("tests/test_price.py", """
              def test_rounds():
                  assert round(2.675, 2) == 2.68


              def test_keeps_zero():
                  assert sorted([2, 1]) == [1, 2]
              """)
          .commit("Price rounding\n\nAll tests pass");
    }

    CliRun run = auditDynamic();

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(rules(run)).contains(UNMEASURED + ":block");
    assertThat(claimStatus(run, "All tests pass")).isEqualTo("unverified");
  }

  @Test
  @DisplayName("10: a test that hangs past the timeout blocks, and the test claim is unverified")
  void aRunThatHangsBlocks() {
    assumeTrue(installed("node"), "node is installed");
    try (TestRepo test = TestRepo.init(repo())) {
      test.write(".claim-audit.yml", "dynamic:\n  timeout: 5s\n").write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("test/sync.test.js", """
          const test = require('node:test');
          test('waits for the sync server', async () => {
            await new Promise(() => setInterval(() => {}, 1000));
          });
          """).commit("Sync\n\nAll tests pass");
    }

    CliRun run = auditDynamic();

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(rules(run)).contains(UNMEASURED + ":block");
    assertThat(claimStatus(run, "All tests pass")).isEqualTo("unverified");
  }

  /** A failing test committed on feature, which is checked out. */
  private void failingTestOnFeature() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("test/price.test.js", """
          const test = require('node:test');
          test('rounds to cents', () => { throw new Error('off by one cent'); });
          """).commit("Price rounding\n\nAll tests pass");
    }
  }

  @Test
  @DisplayName("11: a work tree whose test an install script edited is not run, and blocks")
  void aDirtyWorkTreeIsNotRun() throws Exception {
    assumeTrue(installed("node"), "node is installed");
    failingTestOnFeature();
    Files.writeString(repo().resolve("test/price.test.js"), PASSING_NODE_TEST);

    CliRun run = auditDynamic();

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(rules(run)).contains(UNMEASURED + ":block");
    assertThat(json(run).path("findings").toString()).contains("uncommitted changes").contains("test/price.test.js");
    assertThat(claimStatus(run, "All tests pass")).isEqualTo("unverified");
  }

  @Test
  @DisplayName("11: an untracked conftest.py that an install script dropped is not run, and blocks")
  void anUntrackedTestHookIsNotRun() throws Exception {
    assumeTrue(installed("node"), "node is installed");
    failingTestOnFeature();
    Files.writeString(repo().resolve("conftest.py"), "def pytest_configure(config):\n    pass\n");

    CliRun run = auditDynamic();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("findings").toString()).contains("untracked").contains("conftest.py");
  }

  @Test
  @DisplayName("11: a work tree at another commit is not run, and blocks instead of passing")
  void aWorkTreeAtAnotherCommitBlocks() {
    assumeTrue(installed("node"), "node is installed");
    failingTestOnFeature();
    git(repo(), "checkout", "-q", "main");

    CliRun run = auditDynamic();

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(json(run).path("findings").toString()).contains("not at the audited head");
  }

  @Test
  @DisplayName("22: a process a test forks, detaches with setsid and forks again is ended with the run")
  void aDetachedGrandchildIsEndedWithTheRun() throws Exception {
    assumeTrue(installed("node") && installed("setsid"), "node and setsid are installed");
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("test/daemon.test.js", """
          const test = require('node:test');
          const assert = require('node:assert');
          const fs = require('node:fs');
          const { spawn } = require('node:child_process');

          test('starts the sync daemon', () => {
            spawn('setsid', ['sh', '-c', 'sleep 600 & echo $! > daemon.pid.tmp && mv daemon.pid.tmp daemon.pid'],
              { detached: true, stdio: 'ignore' }).unref();
            while (!fs.existsSync('daemon.pid')) {
              Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
            }
            assert.ok(fs.existsSync('daemon.pid'));
          });
          """).commit("Sync daemon\n\nAll tests pass");
    }

    CliRun run = auditDynamic();

    Path pidFile = repo().resolve("daemon.pid");
    assertThat(pidFile).as(run.out()).exists();
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    started.add(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the detached grandchild %d is still running", pid)
        .isFalse();
    assertThat(run.exitCode()).as(run.out()).isZero();
  }
}
