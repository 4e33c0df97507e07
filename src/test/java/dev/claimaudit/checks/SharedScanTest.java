package dev.claimaudit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one pass over the added lines serves the placeholder scan, symbol claims and test counts alike. */
class SharedScanTest {
  @TempDir Path dir;

  private JsonNode audit() throws Exception {
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json", "--no-llm");
    assertThat(run.err()).isEmpty();
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode claim(JsonNode verdict, String textPart) {
    for (JsonNode claim : verdict.path("claims")) {
      if (claim.path("text").asText().contains(textPart) && claim.path("kind").asText().equals("symbol")
          || claim.path("evidence").asText().startsWith(textPart)) {
        return claim;
      }
    }
    throw new AssertionError("no claim about " + textPart + " in " + verdict.path("claims"));
  }

  @Test
  void findingsFromManyFilesComeInReportOrderAndSymbolsAreFoundInAnyFile() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n").commit("base");
      repo.branch("feature");
      for (int i = 0; i < 60; i++) {
        repo.write(String.format("src/m%02d.py", i), "def f" + i + "():\n    # TODO: finish f" + i + "\n    return " + i + "\n");
      }
      repo.write("src/m59.py", "def parse_header():\n    # TODO: finish\n    return 1\n");
      repo.commit("Add the `parse_header` function and the `missing_helper` function");
    }
    JsonNode verdict = audit();

    List<String> where = new ArrayList<>();
    verdict.path("findings").forEach(finding -> where.add(finding.path("path").asText() + ":" + finding.path("line").asInt()));
    assertThat(where).hasSize(60).isSorted();
    assertThat(claim(verdict, "parse_header appears").path("status").asText()).isEqualTo("backed");
    assertThat(claim(verdict, "missing_helper does not appear").path("status").asText()).isEqualTo("unverified");
  }

  @Test
  void testCountsComeFromTheSamePass() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/test/java/ParserTest.java", "class ParserTest {\n}\n").commit("base");
      repo.branch("feature").write("src/test/java/ParserTest.java",
          "class ParserTest {\n  @Test void a() {}\n  @Test void b() {}\n  @Test void c() {}\n}\n").commit("Adds 3 tests to ParserTest.java");
    }
    JsonNode verdict = audit();

    JsonNode tests = null;
    for (JsonNode claim : verdict.path("claims")) {
      if (claim.path("kind").asText().equals("test")) {
        tests = claim;
      }
    }
    assertThat(tests).as("a test claim in %s", verdict.path("claims")).isNotNull();
    assertThat(tests.path("status").asText()).isEqualTo("backed");
    assertThat(tests.path("evidence").asText()).startsWith("3 test cases added");
  }
}
