package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that must be refused with one line, or read only up to a bound: ranges naming nothing, endless and huge payloads. */
class InputCasesTest {
  @TempDir Path dir;

  /** main: base; feature (checked out): one commit claiming done over a stub; no branch has an upstream. */
  private Path repository() {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    return repo;
  }

  @Test
  @DisplayName("13: HEAD@{upstream} of a branch without an upstream is bad input, not an empty range that passes")
  void theUpstreamOfABranchWithoutOneIsRefused() {
    CliRun run = audit("--repo", repository().toString(), "--range", "HEAD@{upstream}..HEAD");

    badInput(run, "branch 'feature' has no upstream");
  }

  @Test
  @DisplayName("13: main@{u} without an upstream is refused, not read as main")
  void aNamedBranchWithoutAnUpstreamIsNotReadAsTheBranch() {
    Path repo = repository();

    badInput(audit("--repo", repo.toString(), "--range", "main@{u}..feature"), "branch 'main' has no upstream");
    badInput(audit("--repo", repo.toString(), "--range", "main@{UPSTREAM}..feature"), "has no upstream");
  }

  @Test
  @DisplayName("13: a detached HEAD has no upstream")
  void aDetachedHeadHasNoUpstream() {
    Path repo = repository();
    git(repo, "checkout", "-q", "--detach", "feature");

    badInput(audit("--repo", repo.toString(), "--range", "@{u}..HEAD"), "HEAD is not on a branch");
  }

  @Test
  @DisplayName("13: an upstream that exists is followed")
  void anUpstreamThatExistsIsFollowed() throws Exception {
    Path source = repository();
    git(dir, "clone", "-q", "file://" + source, "clone");
    Path clone = dir.resolve("clone");
    git(clone, "checkout", "-q", "-b", "topic", "--track", "origin/main");
    git(clone, "merge", "-q", "--ff-only", "origin/feature");

    CliRun run = audit("--repo", clone.toString(), "--range", "HEAD@{upstream}..HEAD", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Hostile.json(run).path("range").path("commits").asInt()).isEqualTo(1);
  }

  /** The CLI in its own JVM with {@code heap} as its most memory, as bin/audit runs it with 200 MiB. */
  private Processes.Result auditIn(String heap, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "dev.claimaudit.cli.Main"));
    command.addAll(List.of(args));
    return Processes.run(dir, Map.of(), "", command);
  }

  private static void oneLineOnStderr(Processes.Result run) {
    assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
    assertThat(run.err()).startsWith("audit: ").doesNotContain("\tat ").doesNotContain("Exception in");
  }

  @Test
  @DisplayName("25: an endless event payload is read up to its bound and refused")
  void anEndlessEventIsRefusedAtItsBound() {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "/dev/zero exists");

    badInput(audit("--repo", repository().toString(), "--range", "main..feature", "--event", "/dev/zero"), "larger than 16 MiB");
  }

  @Test
  @DisplayName("25: a 400 MB event on a pipe is refused at its bound without reading it all")
  void aHugeEventOnAPipeIsRefusedAtItsBound() throws Exception {
    Path fifo = dir.resolve("event.pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    Path repo = repository();
    CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
      long written = 0;
      byte[] block = new byte[1 << 20];
      java.util.Arrays.fill(block, (byte) ' ');
      try (OutputStream out = Files.newOutputStream(fifo)) {
        while (written < 400L * 1024 * 1024) {
          out.write(block);
          written += block.length;
        }
      } catch (IOException readerLeft) {
        // The audit stopped reading at its bound and closed the pipe.
      }
      return written;
    });

    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--event", fifo.toString()), "larger than 16 MiB");
    assertThat(writer.get(60, TimeUnit.SECONDS)).isLessThan(400L * 1024 * 1024);
  }

  @Test
  @DisplayName("25: a commit message of 40 MB is read in part, with a note, within the launcher's heap")
  void aFortyMegabyteCommitMessageIsReadInPart() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB);
    }
    Path message = dir.resolve("message.txt");
    try (var out = Files.newBufferedWriter(message, StandardCharsets.UTF_8)) {
      out.write("Implement the parser, done\n\n");
      for (int i = 0; i < 40 * 1024 * 1024 / 44; i++) {
        out.write("Long explanation of nothing in particular. ");
      }
    }
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-F", message.toString());

    Processes.Result run = auditIn("200m", "--repo", repo.toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(1);
    JsonNode verdict = new ObjectMapper().readTree(run.out());
    assertThat(verdict.path("notes").toString()).contains("read only in part");
    assertThat(verdict.path("findings").toString()).contains(HistoryCasesTest.STUB_RULE);
  }

  @Test
  @DisplayName("25: a body of 40,000 claim sentences ends in a whole JSON report within the launcher's heap")
  void fortyThousandClaimSentencesEndInAWholeReport() throws Exception {
    Path body = Files.writeString(dir.resolve("body.md"), "Implemented the parser, done. Adds `src/parse.py`.\n".repeat(40_000));
    Path report = dir.resolve("report.json");

    Processes.Result run = auditIn("200m", "--repo", repository().toString(), "--range", "main..feature", "--pr-body-file", body.toString(),
        "--report", "json=" + report);

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode written = new ObjectMapper().readTree(report.toFile());
    assertThat(written.path("verdict").asText()).isEqualTo("block");
    assertThat(written.path("claims").size()).isLessThanOrEqualTo(40_000);
    assertThat(written.path("notes").toString()).contains("80002 claims").contains("repeated");
  }

  @Test
  @DisplayName("25: running out of memory is exit 3 and one line, never exit 1 (a block) with a stack trace")
  void runningOutOfMemoryIsAnInternalErrorOfOneLine() throws Exception {
    Path event = dir.resolve("event.json");
    try (var out = Files.newBufferedWriter(event, StandardCharsets.UTF_8)) {
      out.write("{\"pull_request\": {\"body\": \"");
      for (int i = 0; i < 15 * 1024; i++) {
        out.write("x".repeat(1024));
      }
      out.write("\"}}");
    }

    Processes.Result run = auditIn("24m", "--repo", repository().toString(), "--range", "main..feature", "--event", event.toString());

    assertThat(run.exitCode()).as("stdout: %s", run.out()).isEqualTo(3);
    oneLineOnStderr(run);
    assertThat(run.err()).contains("out of memory");
  }
}
