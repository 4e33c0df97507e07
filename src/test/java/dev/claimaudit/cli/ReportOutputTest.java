package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.report.MarkdownReporter;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputTest {
  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void blockedChange() {
    repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      test.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commit("Implement import, done");
    }
  }

  @Test
  void oneRunWritesSeveralReportsEachAsItsFormatPrintsIt() throws Exception {
    Path sarif = dir.resolve("out.sarif");
    Path markdown = dir.resolve("comment.md");
    Path rdjson = dir.resolve("review.rdjson");

    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", "json",
        "--report", "sarif=" + sarif, "--report", "markdown=" + markdown, "--report", "rdjson=" + rdjson);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(run.out()).path("verdict").asText()).isEqualTo("block");
    for (String format : new String[] {"sarif", "markdown", "rdjson"}) {
      Path file = format.equals("sarif") ? sarif : format.equals("markdown") ? markdown : rdjson;
      CliRun alone = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", format);
      assertThat(Files.readString(file)).as(format).isEqualTo(alone.out());
    }
    assertThat(Files.readString(markdown)).startsWith(MarkdownReporter.MARKER).contains("`rs-todo-macro`");
  }

  @Test
  void theSummaryFormatIsTheJsonSummaryInOneLineOfAtMost140Characters() throws Exception {
    CliRun summary = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", "summary");
    CliRun json = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", "json");

    assertThat(summary.out().lines()).hasSize(1);
    assertThat(summary.out().strip()).hasSizeLessThanOrEqualTo(140)
        .isEqualTo(new ObjectMapper().readTree(json.out()).path("summary").asText())
        .startsWith("claim-audit: block — 1 blocking");
  }

  @Test
  void theStepSummaryFileGetsTheMarkdownAppended() throws Exception {
    Path stepSummary = dir.resolve("step-summary.md");
    Files.writeString(stepSummary, "## Earlier step\n\n");

    CliRun run = CliRun.withEnv(Map.of("GITHUB_STEP_SUMMARY", stepSummary.toString()), "",
        "--repo", repo.toString(), "--range", "main..feature", "--format", "summary");

    assertThat(run.exitCode()).isEqualTo(1);
    String written = Files.readString(stepSummary);
    assertThat(written).startsWith("## Earlier step\n\n" + MarkdownReporter.MARKER).contains("### ⛔ claim-audit: merge blocked");
  }

  @Test
  void anUnwritableStepSummaryWarnsAndKeepsTheVerdict() {
    Path notADirectory = dir.resolve("repo").resolve("src").resolve("lib.rs").resolve("summary.md");

    CliRun run = CliRun.withEnv(Map.of("GITHUB_STEP_SUMMARY", notADirectory.toString()), "",
        "--repo", repo.toString(), "--range", "main..feature", "--format", "summary");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("audit: warning: cannot append to $GITHUB_STEP_SUMMARY");
  }

  @Test
  void markdownLinksFileLinesOnTheCodeHostOfTheJob() throws Exception {
    Map<String, String> giteaJob = Map.of("GITEA_ACTIONS", "true", "GITHUB_SERVER_URL", "https://gitea.example.com",
        "GITHUB_REPOSITORY", "acme/widget");

    CliRun run = CliRun.withEnv(giteaJob, "", "--repo", repo.toString(), "--range", "main..feature", "--format", "markdown");
    CliRun json = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", "json");

    JsonNode verdict = new ObjectMapper().readTree(json.out());
    assertThat(run.out()).contains("[4](https://gitea.example.com/acme/widget/src/commit/" + verdict.path("range").path("head").asText()
        + "/src/lib.rs#L4)");
  }

  @Test
  void aReportSpecWithoutAFileIsExitTwo() {
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--report", "sarif");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("audit: --report takes FORMAT=FILE, got 'sarif'");
  }

  @Test
  void anUnknownReportFormatNamesTheFormatsThereAre() {
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--report", "html=x.html");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("audit: unknown format 'html': use one of text, json, markdown, gitea-comment, sarif, rdjson, rdjsonl, annotations, summary");
  }
}
