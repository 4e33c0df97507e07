package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same mistake in pull request after pull request is escalated: info at 2, warn at 3–4, block at 5. */
class EscalationTest {
  private static final List<String> NAMES = List.of("users", "orders", "invoices", "payments", "refunds");

  @TempDir Path dir;
  private Path repo;
  private Path kb;

  @BeforeEach
  void fivePullRequestsWithTheSameMistakeInDifferentFilesAndNames() {
    repo = dir.resolve("repo");
    kb = dir.resolve("kb");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub mod core;\n").write("src/core.rs", "pub fn id() -> u32 { 1 }\n").commit("Initial crate");
      for (int i = 0; i < NAMES.size(); i++) {
        String name = NAMES.get(i);
        git.checkout("main").branch("pr-" + (i + 1))
            .write("src/" + name + "/loader.rs", "pub fn load_" + name + "() -> Vec<u8> {\n    let " + name + " = todo!();\n    " + name + "\n}\n")
            .commit("WIP: " + name + " loader stub");
      }
    }
  }

  private JsonNode audit(int pr) throws Exception {
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..pr-" + pr, "--pr", String.valueOf(pr), "--kb", kb.toString(),
        "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(json.path("verdict").asText().equals("block") ? 1 : 0);
    assertThat(json.path("notes").toString()).doesNotContain("malformed");
    return json;
  }

  private static List<JsonNode> recurring(JsonNode json) {
    List<JsonNode> found = new ArrayList<>();
    json.path("findings").forEach(finding -> {
      if (finding.path("rule").asText().equals("kb-recurring")) {
        found.add(finding);
      }
    });
    return found;
  }

  @Test
  void theFifthPullRequestWithTheSameMistakeIsBlocked() throws Exception {
    JsonNode first = audit(1);
    assertThat(first.path("verdict").asText()).isEqualTo("warn");
    assertThat(recurring(first)).isEmpty();

    JsonNode second = audit(2);
    assertThat(recurring(second)).singleElement().satisfies(finding -> {
      assertThat(finding.path("severity").asText()).isEqualTo("info");
      assertThat(finding.path("path").asText()).isEqualTo("src/orders/loader.rs");
      assertThat(finding.path("line").asInt()).isEqualTo(2);
      assertThat(finding.path("message").asText()).contains("2 pull requests (#1, this one)");
    });
    assertThat(second.path("verdict").asText()).isEqualTo("warn");

    assertThat(recurring(audit(3))).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("warn"));
    JsonNode fourth = audit(4);
    assertThat(recurring(fourth)).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("warn"));
    assertThat(fourth.path("verdict").asText()).isEqualTo("warn");

    JsonNode fifth = audit(5);
    assertThat(fifth.path("verdict").asText()).isEqualTo("block");
    assertThat(recurring(fifth)).singleElement().satisfies(finding -> {
      assertThat(finding.path("severity").asText()).isEqualTo("block");
      assertThat(finding.path("path").asText()).isEqualTo("src/refunds/loader.rs");
      assertThat(finding.path("message").asText()).contains("5 pull requests (#1, #2, #3, #4, this one)");
    });
    assertThat(fifth.path("checks").toString()).contains("1 recurring finding");

    List<String> lessons = Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS));
    assertThat(lessons).as("one lesson per warn finding; the escalations themselves are not lessons").hasSize(5);
    assertThat(lessons.stream().map(line -> Lesson.parse(line).lesson()))
        .allSatisfy(lesson -> assertThat(lesson.rule()).isEqualTo("rs-todo-macro"))
        .extracting(Lesson::signature).containsOnly(Lesson.parse(lessons.get(0)).lesson().signature());
  }

  @Test
  void auditingTheSamePullRequestAgainDoesNotCountItTwice() throws Exception {
    audit(1);
    for (int again = 0; again < 4; again++) {
      JsonNode json = audit(2);
      assertThat(recurring(json)).singleElement().satisfies(finding -> {
        assertThat(finding.path("severity").asText()).isEqualTo("info");
        assertThat(finding.path("message").asText()).contains("2 pull requests");
      });
    }
    assertThat(recurring(audit(1))).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("info"));
    assertThat(Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS))).as("a re-audit of the same head writes nothing new").hasSize(2);
  }

  @Test
  void withoutAPullRequestNumberTheKnowledgeBaseIsReadButNotWritten() throws Exception {
    for (int pr = 1; pr <= 4; pr++) {
      audit(pr);
    }
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..pr-5", "--kb", kb.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(recurring(json)).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("block"));
    assertThat(json.path("notes").toString()).contains("lessons not recorded: no pull request number");
  }

  @Test
  void thresholdsComeFromThePolicyAtTheBase() throws Exception {
    try (TestRepo git = TestRepo.init(repo)) {
      git.checkout("main").write(".claim-audit.yml", "kb:\n  path: ../kb\n  escalation: {info: 2, warn: 2, block: 3}\n")
          .commit("Escalate sooner");
    }
    for (int pr = 1; pr <= 3; pr++) {
      CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..pr-" + pr, "--pr", String.valueOf(pr), "--format", "json");
      JsonNode json = new ObjectMapper().readTree(run.out());
      List<JsonNode> found = recurring(json);
      switch (pr) {
        case 1 -> assertThat(found).isEmpty();
        case 2 -> assertThat(found).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("warn"));
        default -> {
          assertThat(found).singleElement().satisfies(finding -> assertThat(finding.path("severity").asText()).isEqualTo("block"));
          assertThat(run.exitCode()).isEqualTo(1);
        }
      }
    }
    assertThat(kb.resolve(KnowledgeBase.LESSONS)).exists();
  }
}
