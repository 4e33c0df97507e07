package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
  @TempDir Path dir;

  @Test
  void aTodoMacroUnderADoneClaimBlocksWithExitOne() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commit("Implement import, done");
    }
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("verdict").asText()).isEqualTo("block");
    assertThat(json.path("findings").get(0).path("path").asText()).isEqualTo("src/lib.rs");
    assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(4);
    assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("rs-todo-macro");
  }

  @Test
  void aRangeThatDoesNotResolveIsOneLineAndExitTwo() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").commit("a");
    }
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("audit: unknown revision 'nope' in range main..nope");
  }

  @Test
  void anUnknownOptionIsExitTwoWithoutAStackTrace() {
    CliRun run = CliRun.of("--frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ");
  }
}
