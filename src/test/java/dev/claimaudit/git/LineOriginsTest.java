package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reported finding names the commit of the range that added its line, not just the head. */
class LineOriginsTest {
  @TempDir Path dir;

  @Test
  void aFindingIsAttributedToTheCommitThatAddedItsLine() throws Exception {
    String stub;
    String later;
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      stub = repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commitId("Implement import, done");
      later = repo.write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .write("src/export.rs", "pub fn export() -> u32 {\n    todo!()\n}\n").commitId("Return two from parse, add export");
    }

    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json");

    JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
    assertThat(findings).anySatisfy(finding -> {
      assertThat(finding.path("path").asText()).isEqualTo("src/lib.rs");
      assertThat(finding.path("commit").asText()).isEqualTo(stub);
    });
    assertThat(findings).anySatisfy(finding -> {
      assertThat(finding.path("path").asText()).isEqualTo("src/export.rs");
      assertThat(finding.path("commit").asText()).isEqualTo(later);
    });
    assertThat(CliRun.of("--repo", dir.toString(), "--range", "main..feature").out())
        .contains("src/lib.rs:4").contains("added in commit " + stub.substring(0, 7));
  }
}
