package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reports of every public acceptance scenario: SARIF valid against the 2.1.0 schema, rdjson
 * readable as reviewdog reads it, the Markdown comment within its cap, and audit explain answering
 * for every rule a finding names. The scenarios are the
 * shared ones beside the project ({@code ../shared/scenarios}, or {@code -Dclaimaudit.scenarios=DIR}).
 */
class ScenarioReportsTest {
  private static final SarifSchema SCHEMA = new SarifSchema();
  private static final ObjectMapper PROTOJSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @TempDir Path dir;

  static Path scenarios() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("claimaudit.scenarios");
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("..", "shared", "scenarios"));
    candidates.add(Path.of("..", "..", "shared", "scenarios"));
    return candidates.stream().filter(path -> Files.isRegularFile(path.resolve("run.sh"))).findFirst().orElse(null);
  }

  static Stream<String> names() throws IOException {
    Path root = scenarios();
    if (root == null) {
      return Stream.of("(no scenarios beside the project)");
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders.filter(folder -> Files.isRegularFile(folder.resolve("build.sh"))).map(folder -> folder.getFileName().toString())
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void everyReportOfTheScenarioIsValid(String name) throws Exception {
    Path root = scenarios();
    assumeTrue(root != null, "the shared acceptance scenarios are not beside the project");
    Path scenario = root.resolve(name).toAbsolutePath();
    Path repo = dir.resolve("repo");
    Processes.Result build = Processes.run(dir, Map.of(), "", List.of("bash", scenario.resolve("build.sh").toString(), repo.toString()));
    assertThat(build.exitCode()).as(build.err()).isZero();
    String range = Files.exists(scenario.resolve("range")) ? Files.readAllLines(scenario.resolve("range")).get(0).strip() : "main..feature";
    int expectedExit = new ObjectMapper().readTree(scenario.resolve("expect.json").toFile()).path("exit").asInt();

    Map<String, String> reports = new LinkedHashMap<>();
    for (String format : List.of("sarif", "rdjson", "markdown")) {
      CliRun run = CliRun.of("--repo", repo.toString(), "--range", range, "--pr-body-file", scenario.resolve("pr-body.md").toString(),
          "--no-llm", "--format", format);
      assertThat(run.exitCode()).as("%s as %s: %s", name, format, run.err()).isEqualTo(expectedExit);
      reports.put(format, run.out());
    }
    if (expectedExit == 2) {
      return;
    }
    assertThat(SCHEMA.violations(reports.get("sarif"))).as(name).isEmpty();
    RdjsonReporterTest.DiagnosticResult rdjson = PROTOJSON.readValue(reports.get("rdjson"), RdjsonReporterTest.DiagnosticResult.class);
    assertThat(rdjson.source().name()).isEqualTo("claim-audit");
    assertThat(reports.get("markdown")).startsWith(MarkdownReporter.MARKER).hasSizeLessThan(MarkdownReporter.MAX_CHARS);
    for (com.fasterxml.jackson.databind.JsonNode result : new ObjectMapper().readTree(reports.get("sarif")).path("runs").get(0).path("results")) {
      String rule = result.path("ruleId").asText();
      CliRun explained = CliRun.of("explain", rule);
      assertThat(explained.exitCode()).as("audit explain %s, reported in %s: %s", rule, name, explained.err()).isZero();
    }
  }
}
