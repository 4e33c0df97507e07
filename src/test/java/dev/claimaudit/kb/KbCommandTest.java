package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit kb stats|show|prune|note|notes|merge}, and file notes surfacing in audits. */
class KbCommandTest {
  @TempDir Path dir;
  private Path repo;
  private Path kb;

  @BeforeEach
  void threePullRequestsWithOneRecurringMistakeAndOneOther() {
    repo = dir.resolve("repo");
    kb = dir.resolve("kb");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub mod core;\n").write("src/core.rs", "pub fn id() -> u32 { 1 }\n").commit("Initial crate");
      git.branch("pr-1").write("src/a.rs", "pub fn a() -> u32 {\n    let a = todo!();\n    a\n}\n").commit("WIP: a stub");
      git.checkout("main").branch("pr-2").write("src/b.rs", "pub fn b() -> u32 {\n    let b = todo!();\n    b\n}\n").commit("WIP: b stub");
      git.checkout("main").branch("pr-3").write("src/core.rs", "pub fn id() -> u32 { 1 }\n\npub fn c() {\n    unimplemented!()\n}\n")
          .commit("WIP: c stub");
    }
  }

  private CliRun audit(int pr) {
    return CliRun.of("--repo", repo.toString(), "--range", "main..pr-" + pr, "--pr", String.valueOf(pr), "--kb", kb.toString(), "--format", "json");
  }

  @Test
  void statsAndShowDescribeWhatTheAuditsLearned() throws Exception {
    for (int pr = 1; pr <= 3; pr++) {
      assertThat(audit(pr).exitCode()).isZero();
    }
    Files.writeString(kb.resolve(KnowledgeBase.LESSONS), "this line is broken\n", java.nio.file.StandardOpenOption.APPEND);

    CliRun stats = CliRun.of("kb", "stats", "--kb", kb.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("lessons         3").contains("pull requests   3").contains("signatures      2")
        .contains("1 malformed knowledge base line skipped: lessons.jsonl:4 (not JSON)");

    JsonNode json = new ObjectMapper().readTree(CliRun.of("kb", "stats", "--kb", kb.toString(), "--format", "json").out());
    assertThat(json.path("lessons").asInt()).isEqualTo(3);
    assertThat(json.path("skipped").asInt()).isEqualTo(1);
    JsonNode top = json.path("recurring").get(0);
    assertThat(top.path("pullRequests").asInt()).isEqualTo(2);
    assertThat(top.path("rule").asText()).isEqualTo("rs-todo-macro");
    assertThat(top.path("snippet").asText()).isEqualTo("let _ = todo ! ( )");

    String signature = top.path("signature").asText();
    CliRun show = CliRun.of("kb", "show", signature.substring(0, 6), "--kb", kb.toString());
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).contains("signature      " + signature).contains("pull requests  2: #1, #2").contains("src/a.rs:2")
        .contains("src/b.rs:2");
    JsonNode shown = new ObjectMapper().readTree(CliRun.of("kb", "show", signature, "--kb", kb.toString(), "--format", "json").out());
    assertThat(shown.path("lessons")).hasSize(2);

    CliRun recurring = audit(2);
    assertThat(recurring.out()).contains("audit kb show " + signature);
  }

  @Test
  void pruneDropsOldLessonsAndKeepsEverythingElse() throws Exception {
    Files.createDirectories(kb);
    Lesson old = new Lesson(Instant.parse("2001-01-01T00:00:00Z"), 7, null, "rs-todo-macro", "warn", "0123456789abcdef", "x.rs", 1, "s");
    Lesson recent = new Lesson(Instant.now(), 8, null, "rs-todo-macro", "warn", "0123456789abcdef", "y.rs", 1, "s");
    Files.writeString(kb.resolve(KnowledgeBase.LESSONS), old.toJson() + "\n{broken\n" + recent.toJson() + "\n");

    CliRun prune = CliRun.of("kb", "prune", "--older-than", "90", "--kb", kb.toString());

    assertThat(prune.exitCode()).as(prune.err()).isZero();
    assertThat(prune.out()).startsWith("pruned 1 lesson older than 90 days").contains("kept 1 lesson and 1 malformed line as they were");
    assertThat(Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS))).containsExactly("{broken", recent.toJson());
  }

  @Test
  void aFileNoteIsShownWhenAChangeTouchesItsFile() throws Exception {
    CliRun note = CliRun.of("kb", "note", "src/core.rs", "The id must stay stable; two attempts broke callers", "--by", "alice",
        "--attempts", "2", "--kb", kb.toString());
    assertThat(note.exitCode()).as(note.err()).isZero();
    CliRun.of("kb", "note", "src/elsewhere.rs", "unrelated", "--kb", kb.toString());

    JsonNode touching = new ObjectMapper().readTree(audit(3).out());
    JsonNode notTouching = new ObjectMapper().readTree(audit(1).out());

    assertThat(touching.path("findings").toString()).contains("kb-file-note");
    for (JsonNode finding : touching.path("findings")) {
      if (finding.path("rule").asText().equals("kb-file-note")) {
        assertThat(finding.path("severity").asText()).isEqualTo("info");
        assertThat(finding.path("path").asText()).isEqualTo("src/core.rs");
        assertThat(finding.path("message").asText())
            .isEqualTo("review note on this file (by alice, 2 attempts): The id must stay stable; two attempts broke callers");
      }
    }
    assertThat(notTouching.path("findings").toString()).doesNotContain("kb-file-note");

    CliRun notes = CliRun.of("kb", "notes", "src/core.rs", "--kb", kb.toString());
    assertThat(notes.out()).contains("src/core.rs").contains("alice").contains("2 attempts").doesNotContain("unrelated");
  }

  @Test
  void theKnowledgeBaseLocationComesFromThePolicyWhenNotGiven() throws Exception {
    try (TestRepo git = TestRepo.init(repo)) {
      git.checkout("main").write(".claim-audit.yml", "kb:\n  path: .cache/claim-audit\n").commit("Keep the knowledge base in .cache");
    }
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..pr-1", "--pr", "1", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(repo.resolve(".cache/claim-audit").resolve(KnowledgeBase.LESSONS)).exists();

    try (TestRepo git = TestRepo.init(repo)) {
      git.checkout("main");
    }
    CliRun stats = CliRun.of("kb", "stats", "--repo", repo.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("lessons         1");
  }

  @Test
  void aChangeThatEditsAKnowledgeBaseInsideTheRepositoryIsBlocked() throws Exception {
    try (TestRepo git = TestRepo.init(repo)) {
      git.checkout("main").write(".claim-audit.yml", "kb:\n  path: .claim-audit-kb\n").commit("Keep the knowledge base in the repository");
      git.branch("pr-9").write(".claim-audit-kb/lessons.jsonl", "").write("src/d.rs", "pub fn d() -> u32 { 4 }\n")
          .commit("Add d and start over with a clean memory");
    }

    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..pr-9", "--pr", "9", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode edited = null;
    for (JsonNode finding : new ObjectMapper().readTree(run.out()).path("findings")) {
      if (finding.path("rule").asText().equals("kb-edited")) {
        edited = finding;
      }
    }
    assertThat(edited).isNotNull();
    assertThat(edited.path("severity").asText()).isEqualTo("block");
    assertThat(edited.path("path").asText()).isEqualTo(".claim-audit-kb/lessons.jsonl");
  }

  @Test
  void mergeBringsInTheLessonsAndNotesOfAnotherCopy() throws Exception {
    audit(1);
    Path other = dir.resolve("other");
    CliRun.of("--repo", repo.toString(), "--range", "main..pr-2", "--pr", "2", "--kb", other.toString());
    CliRun.of("kb", "note", "src/b.rs", "watch the bounds", "--kb", other.toString());

    CliRun merge = CliRun.of("kb", "merge", "--from", other.toString(), "--kb", kb.toString());

    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(merge.out()).contains("1 lessons and 1 notes added");
    assertThat(Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS))).hasSize(2);
    assertThat(CliRun.of("kb", "merge", "--from", other.toString(), "--kb", kb.toString()).out()).contains("0 lessons and 0 notes added");
    assertThat(List.of(Files.readAllLines(kb.resolve(KnowledgeBase.NOTES)).size())).containsExactly(1);
  }
}
