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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped workflows and the composite action: what they run is what {@link ClaimAuditScriptTest}
 * and {@link GiteaEndToEndTest} test, on a full history, with the permissions they need, one run per
 * pull request at a time, and a block fails the job.
 */
class WorkflowFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"ci/gitea/claim-audit.yml", "ci/github/claim-audit.yml"})
  void theWorkflowAuditsEveryPullRequestUpdateOnAFullHistoryWithTheNarrowestPermissions(String file) throws IOException {
    JsonNode workflow = read(file);
    List<String> types = new ArrayList<>();
    workflow.path("on").path("pull_request").path("types").forEach(type -> types.add(type.asText()));
    JsonNode steps = workflow.path("jobs").path("audit").path("steps");

    assertThat(types).contains("opened", "edited", "reopened", "synchronize");
    assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
    assertThat(workflow.path("permissions").path("pull-requests").asText()).isEqualTo("write");
    assertThat(workflow.path("permissions").path("statuses").asText()).isEqualTo("write");
    assertThat(workflow.path("concurrency").path("group").asText()).contains("github.event.pull_request.number");
    JsonNode checkout = step(steps, "actions/checkout@");
    assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
    assertThat(checkout.path("with").path("persist-credentials").asBoolean(true)).isFalse();
  }

  @Test
  void theGiteaWorkflowDownloadsTheScriptAndTheJarFromThePackageRegistryAndFailsOnABlock() throws IOException {
    JsonNode steps = read("ci/gitea/claim-audit.yml").path("jobs").path("audit").path("steps");

    JsonNode java = step(steps, "actions/setup-java@");
    assertThat(java.path("if").asText()).as("Java is installed only where the image has none").contains("steps.java.outputs.found");
    JsonNode audit = run(steps, "claim-audit.sh");
    assertThat(audit.path("run").asText()).contains("/api/packages/$CLAIM_AUDIT_PACKAGE_OWNER/generic/claim-audit/$CLAIM_AUDIT_VERSION/claim-audit.sh")
        .doesNotContain("mvn");
    assertThat(audit.has("continue-on-error")).as("a blocking verdict must fail the job").isFalse();
    assertThat(audit.has("if")).isFalse();
    assertThat(audit.path("env").path("GITEA_TOKEN").asText()).startsWith("${{ secrets.");
  }

  @Test
  void theCompositeActionRunsTheTestedScriptAndTheGithubWorkflowUsesIt() throws IOException {
    JsonNode action = read("action.yml");
    JsonNode steps = action.path("runs").path("steps");

    assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
    assertThat(action.path("inputs").path("token").path("required").asBoolean()).isTrue();
    assertThat(step(steps, "actions/setup-java@").path("if").asText()).contains("steps.java.outputs.found");
    assertThat(run(steps, "ci/claim-audit.sh").path("run").asText()).contains("$ACTION_PATH/ci/claim-audit.sh").contains("$ACTION_PATH/bin/audit");
    assertThat(Path.of("ci", "claim-audit.sh")).exists();
    assertThat(step(read("ci/github/claim-audit.yml").path("jobs").path("audit").path("steps"), "tools/claim-audit@")
        .path("with").path("token").asText()).startsWith("${{ secrets.");
  }

  private static JsonNode read(String file) throws IOException {
    return YAML.readTree(Files.readString(Path.of(file)));
  }

  private static JsonNode run(JsonNode steps, String containing) {
    for (JsonNode step : steps) {
      if (step.path("run").asText().contains(containing)) {
        return step;
      }
    }
    throw new AssertionError("no step runs " + containing);
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
