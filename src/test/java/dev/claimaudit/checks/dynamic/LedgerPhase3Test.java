package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic case with tests that can run: a phase called complete, "117 tests pass · 0 fail",
 * an OFX exporter that throws instead of exporting, and a test of it that fails. The fixture is under
 * {@code src/test/resources/dev/claimaudit/checks/dynamic/ledger-phase3}.
 */
class LedgerPhase3Test {
  private static final String CLAIM = "117 tests pass · 0 fail";

  @TempDir Path dir;

  @BeforeEach
  void buildTheRepository() throws Exception {
    Path fixture = Path.of(LedgerPhase3Test.class.getResource("ledger-phase3").toURI());
    try (TestRepo repo = TestRepo.init(dir)) {
      for (String step : List.of("1-main", "2-mask", "3-export")) {
        if (step.equals("2-mask")) {
          repo.branch("feature");
        }
        lay(fixture.resolve(step), repo);
        repo.commit(Files.readString(fixture.resolve(step).resolve("COMMIT_MSG")));
      }
    }
  }

  private static void lay(Path step, TestRepo repo) throws IOException {
    try (Stream<Path> files = Files.walk(step)) {
      files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("COMMIT_MSG")).forEach(file -> {
        try {
          repo.write(step.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private JsonNode audit(String... extra) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("--repo", dir.toString(), "--range", "main..feature", "--no-llm", "--format", "json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.withEnv(DynamicAudit.environment(), "", args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode claim(JsonNode verdict, String text) {
    for (JsonNode claim : verdict.path("claims")) {
      if (claim.path("text").asText().contains(text)) {
        return claim;
      }
    }
    throw new AssertionError("no claim containing '" + text + "' in " + verdict.path("claims"));
  }

  private static JsonNode check(JsonNode verdict, String name) {
    for (JsonNode check : verdict.path("checks")) {
      if (check.path("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name);
  }

  @Test
  void withDynamicTheRunContradictsTheClaimedNumbers() throws Exception {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
    JsonNode verdict = audit("--dynamic");

    assertThat(verdict.path("verdict").asText()).isEqualTo("block");
    JsonNode claim = claim(verdict, CLAIM);
    assertThat(claim.path("status").asText()).isEqualTo("contradicted");
    assertThat(claim.path("evidence").asText())
        .contains("the run of test/export.test.js, test/mask.test.js (node --test): 4 passed, 1 failed, 1 skipped, 0 errored")
        .contains("ofx export wraps every entry in a transaction")
        .contains("not implemented");
    assertThat(verdict.path("findings").findValuesAsText("rule")).contains("dynamic-test-failed");
    JsonNode failed = null;
    for (JsonNode finding : verdict.path("findings")) {
      if (finding.path("rule").asText().equals("dynamic-test-failed")) {
        failed = finding;
      }
    }
    assertThat(failed.path("path").asText()).isEqualTo("test/export.test.js");
    assertThat(failed.path("severity").asText()).isEqualTo("block");
    assertThat(check(verdict, "dynamic").path("status").asText()).isEqualTo("ran");
    assertThat(check(verdict, "dynamic").path("note").asText()).contains("ran node --test 2 files");
  }

  @Test
  void withoutDynamicNothingRunsAndTheNumbersAreNotMeasured() throws Exception {
    JsonNode verdict = audit();

    assertThat(check(verdict, "dynamic").path("status").asText()).isEqualTo("skipped");
    assertThat(check(verdict, "dynamic").path("note").asText()).contains("--dynamic");
    assertThat(claim(verdict, CLAIM).path("evidence").asText()).doesNotContain("the run of");
    assertThat(verdict.path("findings").findValuesAsText("rule")).doesNotContain("dynamic-test-failed");
  }
}
