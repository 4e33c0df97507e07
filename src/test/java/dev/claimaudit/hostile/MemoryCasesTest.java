package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an audit remembers (verdict records, the knowledge base) must not be steered by the change or written where it does not belong. */
class MemoryCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path repo() {
    return dir.resolve("repo");
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  // Verdict records.

  private Path blockedChangeWithRecord(Path state, Map<String, String> env) {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    CliRun first = auditWith(env, "", "--repo", repo().toString(), "--range", "main..feature", "--state-dir", state.toString(), "--pr", "3");
    assertThat(first.exitCode()).isEqualTo(1);
    try (Stream<Path> records = Files.list(state.resolve("verdicts"))) {
      return records.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private CliRun auditAgain(Path state, Map<String, String> env) {
    return auditWith(env, "", "--repo", repo().toString(), "--range", "main..feature", "--state-dir", state.toString(), "--pr", "3",
        "--format", "json");
  }

  @Test
  @DisplayName("16: a record edited to say pass is not replayed")
  void aRecordEditedToSayPassIsNotReplayed() throws Exception {
    Path state = dir.resolve("state");
    Path record = blockedChangeWithRecord(state, Map.of());
    ObjectNode edited = (ObjectNode) JSON.readTree(record.toFile());
    edited.put("verdict", "pass");
    Files.writeString(record, JSON.writeValueAsString(edited));

    CliRun run = auditAgain(state, Map.of());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("cached").asBoolean()).isFalse();
    assertThat(json(run).path("notes").toString()).contains("ignored the verdict record");
  }

  @Test
  @DisplayName("16: a record rewritten whole, findings and all, is not replayed")
  void aRecordRewrittenWholeIsNotReplayed() throws Exception {
    Path state = dir.resolve("state");
    Path record = blockedChangeWithRecord(state, Map.of());
    ObjectNode edited = (ObjectNode) JSON.readTree(record.toFile());
    edited.put("verdict", "pass");
    edited.putArray("findings");
    edited.putArray("claims");
    Files.writeString(record, JSON.writeValueAsString(edited));

    CliRun run = auditAgain(state, Map.of());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("notes").toString()).contains("is not the record an audit wrote");
  }

  @Test
  @DisplayName("16: with a state key, a forged record with a digest of its own is not replayed")
  void aForgedRecordWithItsOwnDigestIsNotReplayedUnderAKey() throws Exception {
    Map<String, String> env = Map.of("CLAIM_AUDIT_STATE_KEY", "a-key-the-tests-never-see");
    Path state = dir.resolve("state");
    Path record = blockedChangeWithRecord(state, env);
    ObjectNode edited = (ObjectNode) JSON.readTree(record.toFile());
    edited.put("verdict", "pass");
    edited.putArray("findings");
    byte[] forged = JSON.writeValueAsBytes(edited);
    Files.write(record, forged);
    try (Stream<Path> digests = Files.list(state.resolve("digests"))) {
      for (Path digest : digests.toList()) {
        Files.writeString(digest, "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(forged)) + "\n");
      }
    }

    CliRun run = auditAgain(state, env);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("notes").toString()).contains("ignored the verdict record");
  }

  @Test
  @DisplayName("16: an untouched record is still replayed")
  void anUntouchedRecordIsReplayed() {
    Path state = dir.resolve("state");
    blockedChangeWithRecord(state, Map.of());

    CliRun run = auditAgain(state, Map.of());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("cached").asBoolean()).isTrue();
  }

  // The knowledge base.

  /** Audits pull requests 1 to 4 with the same WIP stub into {@code .kb}, then commits the knowledge base to main. */
  private void fourPullRequestsLearned() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write(".claim-audit.yml", "kb:\n  path: .kb\n").write("src/core.py", "def core():\n    return 1\n").commit("Initial commit");
      for (int pr = 1; pr <= 5; pr++) {
        test.checkout("main").branch("pr-" + pr).write("src/part" + pr + "/load.py", "def load():\n    raise NotImplementedError\n")
            .commit("WIP: part " + pr + " loader stub");
      }
      test.checkout("main");
    }
    for (int pr = 1; pr <= 4; pr++) {
      CliRun run = audit("--repo", repo().toString(), "--range", "main..pr-" + pr, "--pr", String.valueOf(pr));
      assertThat(run.exitCode()).as(run.out()).isZero();
    }
    git(repo(), "add", ".kb");
    git(repo(), "commit", "-q", "-m", "Keep the knowledge base");
    git(repo(), "checkout", "-q", "pr-5");
    git(repo(), "rebase", "-q", "main");
  }

  @Test
  @DisplayName("12: a change that replaces the knowledge base folder with a link is blocked, and nothing is read or written through the link")
  void aKnowledgeBaseReplacedByALinkIsAnEditOfIt() throws Exception {
    fourPullRequestsLearned();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    git(repo(), "rm", "-q", "-r", ".kb");
    Files.createSymbolicLink(repo().resolve(".kb"), elsewhere);
    git(repo(), "add", ".kb");
    git(repo(), "commit", "-q", "-m", "WIP: part 5 loader stub, and tidy the repository");

    CliRun run = audit("--repo", repo().toString(), "--range", "main..pr-5", "--pr", "5", "--format", "json");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(Hostile.findings(run)).anyMatch(finding -> finding.startsWith(".kb:") && finding.endsWith(":kb-edited"));
    assertThat(names(elsewhere)).as("nothing written through the link").isEmpty();
  }

  @Test
  @DisplayName("12: the same recurring stub without the link is still escalated to a block")
  void theRecurringStubIsEscalatedWithoutTheLink() {
    fourPullRequestsLearned();

    CliRun run = audit("--repo", repo().toString(), "--range", "main..pr-5", "--pr", "5", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(Hostile.findings(run)).anyMatch(finding -> finding.endsWith(":kb-recurring"));
  }

  @Test
  @DisplayName("24: --kb through a link to a folder that is not a knowledge base is refused, and nothing is written there")
  void aFolderThatIsNotAKnowledgeBaseIsRefused() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    Path system = Files.createDirectories(dir.resolve("etc"));
    Files.writeString(system.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
    Files.writeString(system.resolve("hosts"), "127.0.0.1 localhost\n");
    Path link = Files.createSymbolicLink(dir.resolve("kb-link"), system);

    badInput(audit("--repo", repo().toString(), "--range", "main..feature", "--kb", link.toString(), "--pr", "1"), "refusing to use");
    badInput(audit("kb", "stats", "--kb", link.toString()), "refusing to use");

    assertThat(names(system)).containsExactly("hosts", "passwd");
  }

  @Test
  @DisplayName("24: kb merge never writes to its source, not even a lock, and refuses to merge a folder into itself")
  void aMergeNeverWritesToItsSource() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    String lesson = "{\"v\":1,\"time\":\"2025-01-01T00:00:00Z\",\"pr\":1,\"head\":\"0123456789abcdef0123456789abcdef01234567\","
        + "\"rule\":\"todo-marker\",\"severity\":\"warn\",\"sig\":\"0123456789abcdef\",\"path\":\"a.py\",\"line\":1,"
        + "\"snippet\":\"# TODO\"}\n";
    Files.writeString(source.resolve("lessons.jsonl"), lesson, StandardCharsets.UTF_8);
    Path target = dir.resolve("target");

    CliRun merged = audit("kb", "merge", "--kb", target.toString(), "--from", source.toString());
    CliRun itself = audit("kb", "merge", "--kb", source.toString(), "--from", dir.resolve("source/../source").toString());

    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(names(source)).containsExactly("lessons.jsonl");
    assertThat(Files.readString(source.resolve("lessons.jsonl"))).isEqualTo(lesson);
    badInput(itself, "into itself");
    assertThat(names(source)).containsExactly("lessons.jsonl");
  }
}
