package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.testing.SarifSchema;
import dev.claimaudit.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  private static final SarifSchema SCHEMA = new SarifSchema();
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theSarifOfEveryGoldenVerdictIsValidAgainstTheSchema() throws Exception {
    for (Map.Entry<String, Verdict> verdict : GoldenVerdicts.all().entrySet()) {
      String sarif = ReportersGoldenTest.render("sarif", verdict.getValue());
      assertThat(SCHEMA.violations(sarif)).as(verdict.getKey()).isEmpty();
    }
  }

  @Test
  void theValidatorRejectsWhatTheSchemaForbids() throws Exception {
    ObjectNode sarif = (ObjectNode) mapper.readTree(ReportersGoldenTest.render("sarif", GoldenVerdicts.block()));
    ((ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    sarif.remove("version");

    assertThat(SCHEMA.violations(sarif.toString())).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void resultsCarryLevelLocationRuleAndFingerprint() throws Exception {
    JsonNode run = mapper.readTree(ReportersGoldenTest.render("sarif", GoldenVerdicts.block())).path("runs").get(0);
    JsonNode todo = run.path("results").get(1);

    assertThat(todo.path("ruleId").asText()).isEqualTo("rs-todo-macro");
    assertThat(todo.path("level").asText()).isEqualTo("error");
    JsonNode location = todo.path("locations").get(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("src/import.rs");
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(30);
    assertThat(run.path("tool").path("driver").path("rules").get(todo.path("ruleIndex").asInt()).path("id").asText())
        .isEqualTo("rs-todo-macro");
    assertThat(run.path("tool").path("driver").path("rules").get(todo.path("ruleIndex").asInt()).path("fullDescription").path("text")
        .asText()).contains("todo!() panics");
    assertThat(todo.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText()).matches("[0-9a-f]{32}:1");
  }

  @Test
  void aFingerprintSurvivesAMovedAndReindentedLineButNotAnotherRuleOrFile() {
    Finding original = finding("rs-todo-macro", "src/import.rs", 30, "        todo!(\"payee\")");
    Finding moved = finding("rs-todo-macro", "src/import.rs", 57, "\ttodo!(\"payee\")  ");
    Finding otherFile = finding("rs-todo-macro", "src/export.rs", 30, "        todo!(\"payee\")");
    Finding otherRule = finding("rs-unimplemented-macro", "src/import.rs", 30, "        todo!(\"payee\")");

    assertThat(Fingerprints.of(List.of(moved))).isEqualTo(Fingerprints.of(List.of(original)));
    assertThat(Fingerprints.of(List.of(otherFile))).isNotEqualTo(Fingerprints.of(List.of(original)));
    assertThat(Fingerprints.of(List.of(otherRule))).isNotEqualTo(Fingerprints.of(List.of(original)));
  }

  @Test
  void identicalLinesInOneFileGetDistinctFingerprintsByOccurrence() {
    List<Finding> twice = new ArrayList<>(List.of(finding("rs-todo-macro", "src/a.rs", 3, "todo!()"), finding("rs-todo-macro", "src/a.rs", 9, "todo!()")));

    List<String> fingerprints = Fingerprints.of(twice);

    assertThat(fingerprints.get(0)).endsWith(":1");
    assertThat(fingerprints.get(1)).endsWith(":2");
    assertThat(fingerprints.get(0).substring(0, 32)).isEqualTo(fingerprints.get(1).substring(0, 32));
  }

  @Test
  void pathsBecomeRelativeUriReferences() {
    assertThat(Uris.path("src/a b/ü,x.ts")).isEqualTo("src/a%20b/%C3%BC%2Cx.ts");
    assertThat(Uris.path("odd\\name#1?.cs")).isEqualTo("odd%5Cname%231%3F.cs");
  }

  private static Finding finding(String rule, String path, int line, String snippet) {
    return Finding.builder(rule, "static")
        .ruleClass(RuleClass.HARD_STUB)
        .severity(Severity.BLOCK)
        .at(path, line)
        .message("todo!() macro")
        .snippet(snippet)
        .build();
  }
}
