package dev.claimaudit.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --state-dir keeps each verdict and reuses it for the same head and inputs. */
class VerdictRecordsTest {
  @TempDir Path dir;
  private Path repo;
  private Path state;
  private String head;

  @BeforeEach
  void aBlockedPullRequest() {
    repo = dir.resolve("repo");
    state = dir.resolve("state");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      head = git.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commitId("Implement import, done");
    }
  }

  private CliRun audit(String body, String... more) {
    String[] base = {"--repo", repo.toString(), "--range", "main..feature", "--pr", "12", "--state-dir", state.toString(), "--format", "json",
        "--pr-body-file", "-"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.withEnv(java.util.Map.of(), body, args);
  }

  @Test
  void theVerdictIsRecordedThenReusedWithTheSameExitCodeUntilAnInputChanges() throws Exception {
    CliRun first = audit("Adds import.");
    Path record = state.resolve("verdicts").resolve("12-" + head + ".json");
    assertThat(record).exists();
    JsonNode recorded = new ObjectMapper().readTree(record.toFile());
    assertThat(recorded.path("verdict").asText()).isEqualTo("block");
    assertThat(recorded.path("inputs").path("head").asText()).isEqualTo(head);
    assertThat(recorded.path("inputs").path("mergeBase").asText()).hasSize(40);
    assertThat(recorded.path("inputs").path("prBodySha256").asText()).hasSize(64);
    assertThat(recorded.path("inputs").path("policySha256").asText()).hasSize(64);
    assertThat(recorded.path("inputs").path("catalogVersion").asText()).isNotBlank();
    assertThat(recorded.path("inputs").path("toolVersion").asText()).isNotBlank();
    JsonNode firstJson = new ObjectMapper().readTree(first.out());
    assertThat(firstJson.path("cached").asBoolean()).isFalse();

    CliRun second = audit("Adds import.");
    JsonNode cached = new ObjectMapper().readTree(second.out());
    assertThat(second.exitCode()).isEqualTo(first.exitCode()).isEqualTo(1);
    assertThat(cached.path("cached").asBoolean()).isTrue();
    assertThat(cached.path("verdict").asText()).isEqualTo("block");
    assertThat(cached.path("findings")).isEqualTo(firstJson.path("findings"));
    assertThat(cached.path("claims")).isEqualTo(firstJson.path("claims"));
    assertThat(cached.path("notes").toString()).contains("cached verdict");

    CliRun text = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--pr", "12", "--state-dir", state.toString());
    assertThat(text.exitCode()).as(text.err()).isEqualTo(1);

    CliRun forced = audit("Adds import.", "--force");
    assertThat(new ObjectMapper().readTree(forced.out()).path("cached").asBoolean()).isFalse();

    CliRun otherBody = audit("Adds import. Also fixes #3.");
    JsonNode redone = new ObjectMapper().readTree(otherBody.out());
    assertThat(redone.path("cached").asBoolean()).isFalse();
    assertThat(redone.path("notes").toString()).contains("was made from other inputs or options");
  }

  @Test
  void aPolicyChangeAtTheBaseMeansAuditingAgain() throws Exception {
    audit("Adds import.");
    try (TestRepo git = TestRepo.init(repo)) {
      git.checkout("main").write(".claim-audit.yml", "rules:\n  rs-todo-macro: warn\n").commit("Make todo!() a warning");
      git.checkout("feature");
    }
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--pr", "12", "--state-dir", state.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("cached").asBoolean()).isFalse();
    assertThat(json.path("verdict").asText()).isEqualTo("warn");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aCorruptRecordIsIgnoredWithANoteAndReplaced() throws Exception {
    audit("Adds import.");
    Path record = state.resolve("verdicts").resolve("12-" + head + ".json");
    Files.writeString(record, "{ this is not json");

    JsonNode json = new ObjectMapper().readTree(audit("Adds import.").out());

    assertThat(json.path("cached").asBoolean()).isFalse();
    assertThat(json.path("notes").toString()).contains("ignored the verdict record").contains("not valid JSON");
    assertThat(new ObjectMapper().readTree(record.toFile()).path("verdict").asText()).isEqualTo("block");

    Files.writeString(record, "{\"schema\":\"claim-audit/verdict/v1\",\"verdict\":\"pass\"}");
    JsonNode again = new ObjectMapper().readTree(audit("Adds import.").out());
    assertThat(again.path("verdict").asText()).isEqualTo("block");
    assertThat(again.path("notes").toString()).contains("ignored the verdict record");
  }

  @Test
  void anAuditOutsideAPullRequestIsRecordedAsLocal() {
    CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--state-dir", state.toString());
    assertThat(state.resolve("verdicts").resolve("local-" + head + ".json")).exists();
  }
}
