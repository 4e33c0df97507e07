package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads the output the way reviewdog does: its {@code rdjson}/{@code rdjsonl} parsers unmarshal
 * the {@code reviewdog.rdf} protocol buffer messages with protojson, which refuses unknown fields
 * and unknown enum names. The records below mirror those messages field for field.
 */
class RdjsonReporterTest {
  enum RdSeverity { UNKNOWN_SEVERITY, ERROR, WARNING, INFO }

  record Position(Integer line, Integer column) {}

  record Range(Position start, Position end) {}

  record Location(String path, Range range) {}

  record Source(String name, String url) {}

  record Code(String value, String url) {}

  record Suggestion(Range range, String text) {}

  record Image(@JsonProperty("image_url") @JsonAlias("imageUrl") String imageUrl, String alt, String caption) {}

  record Diagnostic(String message, Location location, RdSeverity severity, Source source, Code code, List<Suggestion> suggestions,
      @JsonProperty("original_output") @JsonAlias("originalOutput") String originalOutput, List<Image> images) {}

  record DiagnosticResult(List<Diagnostic> diagnostics, Source source, RdSeverity severity) {}

  private final ObjectMapper protojson = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Test
  void rdjsonOfEveryGoldenVerdictParsesAsADiagnosticResult() throws Exception {
    for (Map.Entry<String, Verdict> entry : GoldenVerdicts.all().entrySet()) {
      Verdict verdict = entry.getValue();
      DiagnosticResult result = protojson.readValue(ReportersGoldenTest.render("rdjson", verdict), DiagnosticResult.class);

      List<Finding> reported = verdict.findings().stream().filter(finding -> !finding.suppressed()).toList();
      assertThat(result.source().name()).isEqualTo("claim-audit");
      assertThat(result.diagnostics()).as(entry.getKey()).hasSize(reported.size());
      for (int i = 0; i < reported.size(); i++) {
        Finding finding = reported.get(i);
        Diagnostic diagnostic = result.diagnostics().get(i);
        assertThat(diagnostic.code().value()).isEqualTo(finding.rule());
        assertThat(diagnostic.severity()).isEqualTo(switch (finding.severity()) {
          case BLOCK -> RdSeverity.ERROR;
          case WARN -> RdSeverity.WARNING;
          case INFO -> RdSeverity.INFO;
        });
        assertThat(diagnostic.message()).startsWith(Text.line(finding.message(), 400));
        if (finding.path() == null) {
          assertThat(diagnostic.location()).isNull();
        } else {
          assertThat(diagnostic.location().path()).isEqualTo(finding.path());
          assertThat(diagnostic.location().range() == null ? null : diagnostic.location().range().start().line()).isEqualTo(finding.line());
        }
      }
    }
  }

  @Test
  void rdjsonlIsOneDiagnosticPerLine() throws Exception {
    Verdict verdict = GoldenVerdicts.many();
    List<String> lines = ReportersGoldenTest.render("rdjsonl", verdict).lines().toList();

    assertThat(lines).hasSize((int) verdict.findings().stream().filter(finding -> !finding.suppressed()).count());
    for (String line : lines) {
      Diagnostic diagnostic = protojson.readValue(line, Diagnostic.class);
      assertThat(diagnostic.source().name()).isEqualTo("claim-audit");
      assertThat(diagnostic.message()).isNotBlank();
    }
  }

  @Test
  void theStrictReaderRefusesAFieldReviewdogDoesNotKnow() {
    assertThatThrownBy(() -> protojson.readValue("{\"diagnostics\":[],\"ruleId\":\"x\"}", DiagnosticResult.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }
}
