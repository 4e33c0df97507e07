package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit config}: the effective policy and where each value came from. */
class ConfigCommandTest {
  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void aRepositoryWithAPolicyThatTheChangeEdits() {
    repo = dir.resolve("repo");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write(".claim-audit.yml", """
              # team policy
              fail-on: warn
              rules:
                todo-marker: info
              matrix:
                hard-stub:
                  hedged: block
              paths:
                tests: ["qa/**"]
              kb:
                escalation:
                  block: 4
              """)
          .write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n")
          .commit("Initial");
      git.branch("feature").write(".claim-audit.yml", "fail-on: never\n").commit("Relax the policy");
    }
  }

  private Map<String, JsonNode> settings(JsonNode json) {
    Map<String, JsonNode> byKey = new HashMap<>();
    json.path("settings").forEach(setting -> byKey.put(setting.path("key").asText(), setting));
    return byKey;
  }

  @Test
  void everyValueNamesItsOrigin() throws Exception {
    CliRun run = CliRun.of("config", "--repo", repo.toString(), "--range", "main..feature", "--format", "json", "--kb", dir.resolve("kb").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("source").asText()).startsWith(".claim-audit.yml at base ");
    Map<String, JsonNode> settings = settings(json);
    assertThat(settings.get("fail-on").path("value").asText()).isEqualTo("warn");
    assertThat(settings.get("fail-on").path("origin").asText()).matches("\\.claim-audit\\.yml:2 at base [0-9a-f]{7}");
    assertThat(settings.get("rules.todo-marker").path("value").asText()).isEqualTo("info");
    assertThat(settings.get("rules.todo-marker").path("origin").asText()).startsWith(".claim-audit.yml:4 ");
    assertThat(settings.get("matrix.hard-stub.hedged").path("value").asText()).isEqualTo("block");
    assertThat(settings.get("matrix.hard-stub.normal").path("origin").asText()).isEqualTo("default");
    assertThat(settings.get("paths.tests").path("value").get(0).asText()).isEqualTo("qa/**");
    assertThat(settings.get("paths.ignore").path("origin").asText()).isEqualTo("default");
    assertThat(settings.get("kb.location").path("value").asText()).isEqualTo(dir.resolve("kb").toString());
    assertThat(settings.get("kb.location").path("origin").asText()).isEqualTo("--kb");
    assertThat(settings.get("kb.escalation.block").path("value").asInt()).isEqualTo(4);
    assertThat(settings.get("kb.escalation.warn").path("origin").asText()).isEqualTo("default");
    assertThat(json.path("notes").toString()).contains("this change edits .claim-audit.yml");
  }

  @Test
  void theTextFormShowsTheSameAndCommandLineOverrides() {
    CliRun run = CliRun.of("config", "--repo", repo.toString(), "--range", "main..feature", "--fail-on", "block");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("policy   .claim-audit.yml at base ").containsPattern("fail-on +block +--fail-on")
        .containsPattern("rules\\.todo-marker +info +\\.claim-audit\\.yml:4 at base")
        .contains("note: policy changed: this change edits .claim-audit.yml");
  }

  @Test
  void theExamplePolicyOfTheDocsIsValid() throws Exception {
    CliRun run = CliRun.of("config", "--repo", repo.toString(), "--range", "main..feature", "--format", "json", "--policy",
        Path.of("examples/policies/.claim-audit.yml").toAbsolutePath().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, JsonNode> settings = settings(new ObjectMapper().readTree(run.out()));
    assertThat(settings).containsKeys("custom-rules.acme-unfinished", "rules.claim-symbol-contradicted");
    assertThat(settings.get("kb.location").path("value").asText()).isEqualTo("git:refs/claim-audit/kb");
  }

  @Test
  void theWorkTreesPolicyIsShownWhenAskedFor() throws Exception {
    CliRun run = CliRun.of("config", "--repo", repo.toString(), "--range", "main..feature", "--format", "json", "--policy-from", "worktree");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("source").asText()).isEqualTo(".claim-audit.yml in the work tree");
    assertThat(settings(json).get("fail-on").path("value").asText()).isEqualTo("never");
    assertThat(settings(json).get("fail-on").path("origin").asText()).isEqualTo(".claim-audit.yml:1 in the work tree");
  }
}
