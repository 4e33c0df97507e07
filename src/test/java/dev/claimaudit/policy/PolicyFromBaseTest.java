package dev.claimaudit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A pull request cannot loosen its own audit: the policy is read from the base commit. */
class PolicyFromBaseTest {
  @TempDir Path dir;

  private static final String STUB = "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n";

  @Test
  void aChangeThatTurnsOffTheRuleThatBlocksItIsStillBlockedAndTheReportSaysThePolicyChanged() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", "# team policy\nfail-on: block\n")
          .write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n")
          .commit("Initial parser and policy");
      repo.branch("feature")
          .write(".claim-audit.yml", "# team policy\nfail-on: block\nrules:\n  rs-todo-macro:\n    enabled: false\n")
          .write("src/lib.rs", STUB)
          .commit("Implement import, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("verdict").asText()).isEqualTo("block");
    assertThat(rules(json, "block")).containsExactly("rs-todo-macro");
    JsonNode changed = finding(json, "policy-changed");
    assertThat(changed.path("severity").asText()).isEqualTo("info");
    assertThat(changed.path("path").asText()).isEqualTo(".claim-audit.yml");
    assertThat(changed.path("message").asText()).contains("cannot loosen its own audit").contains("at base");
    assertThat(json.path("notes").toString()).contains("policy changed");

    CliRun text = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature");
    assertThat(text.out()).contains("policy-changed").contains("note: policy changed: this change edits .claim-audit.yml");
  }

  @Test
  void aChangeThatAddsTheFirstPolicyIsAuditedUnderTheDefaults() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature")
          .write(".claim-audit.yml", "fail-on: never\nrules:\n  rs-todo-macro: off\n")
          .write("src/lib.rs", STUB)
          .commit("Implement import, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(rules(json, "block")).containsExactly("rs-todo-macro");
    assertThat(finding(json, "policy-changed").path("message").asText()).contains("adds .claim-audit.yml").contains("built-in defaults");
  }

  @Test
  void aPolicyFileWithTheWrongExtensionIsPointedOut() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yaml", "fail-on: never\n").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial");
      repo.branch("feature").write("src/lib.rs", STUB).commit("Implement import, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(run.out()).path("notes").toString())
        .contains("found .claim-audit.yaml but the policy file is .claim-audit.yml");
  }

  @Test
  void policyFromTheWorkTreeOrAFileAppliesTheChangesOwnEditOnlyWhenAskedFor() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", "fail-on: block\n").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial");
      repo.branch("feature")
          .write(".claim-audit.yml", "fail-on: block\nrules:\n  rs-todo-macro: off\n")
          .write("src/lib.rs", STUB)
          .commit("Implement import, done");
    }
    Path policy = Files.writeString(dir.resolve("ci-policy.yml"), "rules:\n  rs-todo-macro: warn\n");

    CliRun worktree = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json",
        "--policy-from", "worktree");
    CliRun head = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json",
        "--policy-from", "head");
    CliRun file = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json",
        "--policy", policy.toString());

    assertThat(rules(new ObjectMapper().readTree(worktree.out()), "block")).doesNotContain("rs-todo-macro");
    assertThat(rules(new ObjectMapper().readTree(head.out()), "block")).doesNotContain("rs-todo-macro");
    JsonNode fromFile = new ObjectMapper().readTree(file.out());
    assertThat(rules(fromFile, "warn")).contains("rs-todo-macro");
    assertThat(finding(fromFile, "policy-changed").path("message").asText()).contains(policy.toString());
  }

  @Test
  void aChangeThatLeavesAnInvalidPolicyBehindIsBlockedBeforeItCanBreakEveryLaterAudit() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", "fail-on: block\n").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial");
      repo.branch("feature").write(".claim-audit.yml", "fail-on: block\nrules:\n  rs-todo-macro: sometimes\n").commit("Tune the policy");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode invalid = finding(new ObjectMapper().readTree(run.out()), "policy-invalid");
    assertThat(invalid.path("severity").asText()).isEqualTo("block");
    assertThat(invalid.path("line").asInt()).isEqualTo(3);
    assertThat(invalid.path("message").asText()).contains("rules.rs-todo-macro").contains("\"sometimes\"");
  }

  @Test
  void theBasePolicysSettingsShapeTheVerdictAndTheCommandLineFailOnWins() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", """
              fail-on: warn
              rules:
                rs-todo-macro: warn
              matrix:
                soft-marker:
                  strong: block
              paths:
                ignore: [vendored/]
              """)
          .write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n")
          .commit("Initial");
      repo.branch("feature")
          .write("src/lib.rs", STUB)
          .write("src/format.rs", "// TODO: handle the empty case\npub fn format() {}\n")
          .write("vendored/dep.rs", "pub fn dep() { unimplemented!() }\n")
          .commit("Implement import and format, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");
    CliRun never = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json", "--fail-on", "never");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(rules(json, "warn")).contains("rs-todo-macro");
    assertThat(rules(json, "block")).containsExactly("todo-marker");
    assertThat(json.path("findings").toString()).doesNotContain("vendored/dep.rs");
    assertThat(json.path("notes").toString()).contains("1 changed file matched paths.ignore");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(never.exitCode()).isEqualTo(0);
  }

  @Test
  void testAndGeneratedPathSetsChangeWhatIsScanned() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", "paths:\n  tests: [\"qa/**\"]\n  generated: [\"**/gen/**\"]\n")
          .write("README.md", "x\n")
          .commit("Initial");
      repo.branch("feature")
          .write("qa/parser_check.go", "package qa\n\nfunc TestParse(t *testing.T) {\n\tt.SkipNow()\n}\n")
          .write("api/gen/client.rs", "pub fn call() { todo!() }\n")
          .commit("Parser checks and client, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(rules(json, "block")).containsExactly("go-test-skip");
    assertThat(json.path("findings").toString()).doesNotContain("api/gen/client.rs");
    assertThat(json.path("notes").toString()).contains("matched paths.generated");
  }

  @Test
  void aCustomRuleFromThePolicyFindsWhatItsPatternSays() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", """
              custom-rules:
                - id: acme-halt
                  languages: [java]
                  class: hard-stub
                  in: code
                  pattern: '\\bAcme\\.halt\\s*\\('
                  keywords: [halt]
                  title: Acme.halt() left in the code
                  rationale: Acme.halt() is the team's stub marker.
                  match: ['    Acme.halt("later");']
                  noMatch: ['Acme.resume();', '// Acme.halt();']
              """)
          .write("src/Main.java", "class Main {}\n")
          .commit("Initial");
      repo.branch("feature").write("src/Main.java", "class Main {\n  void run() {\n    Acme.halt(\"later\");\n  }\n}\n")
          .commit("Implement run, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(rules(json, "block")).containsExactly("acme-halt");
    assertThat(finding(json, "acme-halt").path("line").asInt()).isEqualTo(3);
    assertThat(json.path("inputs").path("catalogVersion").asText()).contains("+");
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aCustomPatternThatRecursesOrBacktracksOnLongLinesCannotStopTheAudit() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write(".claim-audit.yml", """
              custom-rules:
                - id: stub-run
                  languages: [python]
                  class: hard-stub
                  in: code
                  pattern: '\\bstub(\\s|x)+!'
                  keywords: [stub]
                  title: a stub run
                  rationale: exercises the matching budget
                  match: ['stub xx!']
                  noMatch: ['stub xx']
              """)
          .write("app.py", "x = 1\n")
          .commit("Initial");
      StringBuilder hostile = new StringBuilder("x = 1\n");
      for (int i = 0; i < 40; i++) {
        hostile.append("y").append(i).append(" = stub ").append("x".repeat(3_900)).append("?\n");
      }
      repo.branch("feature").write("app.py", hostile.toString()).commit("Add the values, done");
    }

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    assertThat(new ObjectMapper().readTree(run.out()).path("checks").get(0).path("status").asText()).isEqualTo("ran");
  }

  static List<String> rules(JsonNode json, String severity) {
    List<String> rules = new ArrayList<>();
    for (JsonNode finding : json.path("findings")) {
      if (finding.path("severity").asText().equals(severity) && !finding.path("suppressed").asBoolean()) {
        rules.add(finding.path("rule").asText());
      }
    }
    return rules;
  }

  static JsonNode finding(JsonNode json, String rule) {
    for (JsonNode finding : json.path("findings")) {
      if (finding.path("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule + " finding in " + json.path("findings"));
  }
}
