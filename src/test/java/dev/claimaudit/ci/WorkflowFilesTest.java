package dev.claimaudit.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped workflows: what they run is what {@link ClaimAuditScriptTest} tests, on a full history, and a block fails the job. */
class WorkflowFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"ci/gitea/claim-audit.yml", "ci/github/claim-audit.yml"})
  void theWorkflowAuditsEveryPullRequestUpdateOnAFullHistoryWithTheTestedScript(String file) throws IOException {
    JsonNode workflow = YAML.readTree(Files.readString(Path.of(file)));
    List<String> types = new ArrayList<>();
    workflow.path("on").path("pull_request").path("types").forEach(type -> types.add(type.asText()));
    JsonNode steps = workflow.path("jobs").path("audit").path("steps");

    assertThat(types).contains("opened", "edited", "reopened", "synchronize");
    JsonNode checkout = step(steps, "actions/checkout@");
    assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
    JsonNode java = step(steps, "actions/setup-java@");
    assertThat(java.path("with").path("java-version").asText()).isEqualTo("17");
    assertThat(java.path("with").path("cache").asText()).isEqualTo("maven");

    JsonNode audit = null;
    for (JsonNode step : steps) {
      if (step.path("run").asText().contains("ci/claim-audit.sh")) {
        audit = step;
      }
    }
    assertThat(audit).as("a step runs ci/claim-audit.sh").isNotNull();
    assertThat(audit.has("continue-on-error")).as("a blocking verdict must fail the job").isFalse();
    assertThat(audit.has("if")).isFalse();
    String script = audit.path("run").asText().replace("bash ", "").strip();
    assertThat(Path.of(script.replace(".claim-audit/", ""))).as("the workflow runs this repository's %s", script).exists();
    assertThat(Path.of(audit.path("env").path("CLAIM_AUDIT_BIN").asText().replace(".claim-audit/", ""))).exists();
    assertThat(audit.path("env").path(file.contains("gitea") ? "GITEA_TOKEN" : "GITHUB_TOKEN").asText()).startsWith("${{ secrets.");
  }

  private static JsonNode step(JsonNode steps, String uses) {
    for (JsonNode step : steps) {
      if (step.path("uses").asText().startsWith(uses)) {
        return step;
      }
    }
    throw new AssertionError("no step uses " + uses);
  }
}
