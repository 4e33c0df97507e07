package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Version;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which build made a verdict: the version names the commit, and a record made by another build is never replayed. */
class BuildIdentityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theVersionNamesTheCommitTheToolWasBuiltFrom() {
    String head = Processes.git(Path.of("."), "rev-parse", "--short=12", "HEAD").out().strip();

    CliRun run = CliRun.of("--version");

    assertThat(run.out().strip()).startsWith("claim-audit 0.1.0+" + head);
    assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}(-dirty)?");
  }

  @Test
  void aVerdictRecordedByAnotherBuildIsAuditedAgain() throws Exception {
    Path repo = dir.resolve("repo");
    Path state = dir.resolve("state");
    String head;
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      head = git.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n").commitId("Return two from parse");
    }
    String[] args = {"--repo", repo.toString(), "--range", "main..feature", "--pr", "3", "--state-dir", state.toString(), "--format", "json"};
    JsonNode first = JSON.readTree(CliRun.of(args).out());
    assertThat(first.path("inputs").path("toolVersion").asText()).isEqualTo(Version.current());
    Path record = state.resolve("verdicts/3-" + head + ".json");
    ObjectNode older = (ObjectNode) JSON.readTree(record.toFile());
    ((ObjectNode) older.get("inputs")).put("toolVersion", "0.1.0+0123456789ab");
    Files.writeString(record, older.toString());

    JsonNode again = JSON.readTree(CliRun.of(args).out());

    assertThat(again.path("cached").asBoolean()).isFalse();
    assertThat(again.path("notes").toString()).contains("was made from other inputs or options");
  }

  @Test
  void theLauncherWithoutJavaSaysSoInOneLineAndExitsThree() throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("bash", "dirname", "readlink", "find", "mkdir", "rm", "rmdir", "git", "sleep")) {
      Path found = Path.of(Processes.run(dir, Map.of(), "", List.of("sh", "-c", "command -v " + tool)).out().strip());
      Files.createSymbolicLink(tools.resolve(tool), found);
    }
    Path launcher = Path.of("bin", "audit").toAbsolutePath();

    Processes.Result run = Processes.run(dir, Map.of("PATH", tools.toString(), "JAVA_HOME", ""), "",
        List.of(tools.resolve("bash").toString(), launcher.toString(), "--version"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().lines().toList()).containsExactly("audit: java was not found: install Java 17 or newer, or set JAVA_HOME");
  }
}
