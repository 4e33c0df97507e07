package dev.claimaudit.policy;

import static dev.claimaudit.policy.PolicyFromBaseTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inline suppressions are counted in every report, and a stale or mistyped one is a warning of its own. */
class SuppressionTest {
  @TempDir Path dir;

  private JsonNode audit(String policy, String code) throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo git = TestRepo.init(repo)) {
      if (policy != null) {
        git.write(".claim-audit.yml", policy);
      }
      git.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial");
      git.branch("feature").write("src/lib.rs", code).commit("Implement import, done");
    }
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
    return new ObjectMapper().readTree(run.out());
  }

  private static List<String> invalid(JsonNode json) {
    List<String> messages = new ArrayList<>();
    json.path("findings").forEach(finding -> {
      if (finding.path("rule").asText().equals("suppression-invalid")) {
        assertThat(finding.path("severity").asText()).isEqualTo("warn");
        messages.add(finding.path("line").asInt() + ": " + finding.path("message").asText());
      }
    });
    return messages;
  }

  @Test
  void aValidSuppressionTurnsTheFindingIntoACountedInfo() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    // claim-audit: allow(rs-todo-macro) the parser lands next week until=2999-01-01\n    todo!()\n}\n");

    assertThat(json.path("verdict").asText()).isEqualTo("pass");
    assertThat(json.path("suppressed").asInt()).isEqualTo(1);
    assertThat(json.path("summary").asText()).contains("1 suppressed");
    assertThat(invalid(json)).isEmpty();
  }

  @Test
  void everyReportCountsSuppressionsEvenWhenThereAreNone() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    2\n}\n");
    assertThat(json.path("suppressed").asInt()).isZero();
    assertThat(json.path("summary").asText()).endsWith("0 suppressed");
  }

  @Test
  void anExpiredSuppressionSuppressesNothingAndWarnsOnce() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    todo!() // claim-audit: allow(rs-todo-macro) later until=2001-02-03\n}\n");

    assertThat(rules(json, "block")).contains("rs-todo-macro");
    assertThat(invalid(json)).containsExactly("2: suppression expired on 2001-02-03, so it suppresses nothing");
  }

  @Test
  void suppressionsThatCoverNothingAreStillCheckedWhenTheChangeAddsThem() throws Exception {
    JsonNode json = audit(null, """
        // claim-audit: allow(rs-todo-macor) typo in the rule id
        pub fn a() -> u32 { 1 }
        // claim-audit: allow(rs-todo-macro) stale since the code was fixed until=2001-01-01
        pub fn b() -> u32 { 2 }
        // claim-audit: allow(rs-todo-macro) a date nobody can read until=next-week
        pub fn c() -> u32 { 3 }
        // claim-audit: allow(rs-todo-macro)
        pub fn d() -> u32 { 4 }
        const HELP: &str = "write claim-audit: allow(anything) in a comment";
        """);

    assertThat(invalid(json)).containsExactly(
        "1: suppression names unknown rule `rs-todo-macor`, so it suppresses nothing",
        "3: suppression expired on 2001-01-01, so it suppresses nothing",
        "5: suppression has an unreadable until= date, so it suppresses nothing",
        "7: suppression gives no reason; write one after `claim-audit: allow`");
    assertThat(json.path("verdict").asText()).isEqualTo("warn");
  }

  @Test
  void aSuppressionMayNameARuleThePolicyTurnedOffOrAddedItself() throws Exception {
    JsonNode json = audit("""
            rules:
              rs-unimplemented-macro: off
            custom-rules:
              - id: acme-halt
                languages: [rust]
                class: hard-stub
                in: code
                pattern: '\\bacme_halt!\\s*\\('
                keywords: [acme_halt]
                title: acme_halt!() left in the code
                rationale: the team's stub marker
                match: ['acme_halt!()']
                noMatch: ['// acme_halt!()']
            """, """
        // claim-audit: allow(rs-unimplemented-macro) kept for the record
        pub fn a() -> u32 { 1 }
        pub fn b() {
            acme_halt!() // claim-audit: allow(acme-halt) the team's own marker, fine here
        }
        """);

    assertThat(invalid(json)).isEmpty();
    assertThat(json.path("suppressed").asInt()).isEqualTo(1);
  }

  @Test
  void aSuppressionOfAnotherRuleLeavesTheFindingAsItIsAndTheClaimContradicted() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    // claim-audit: allow(rs-unimplemented-macro) the parser lands next week\n    todo!()\n}\n");

    assertThat(rules(json, "block")).contains("rs-todo-macro");
    assertThat(json.path("suppressed").asInt()).isZero();
    json.path("claims").forEach(claim -> assertThat(claim.path("status").asText()).isEqualTo("contradicted"));
  }

  @Test
  void aReasonOfOneLetterOrOneWordIsRefusedWithAWarning() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    todo!() // claim-audit: allow(rs-todo-macro) x\n}\n");

    assertThat(rules(json, "block")).contains("rs-todo-macro");
    assertThat(invalid(json)).containsExactly(
        "2: suppression's reason \"x\" is too short to be one, so it suppresses nothing; say in a few words why the finding is fine");
  }

  @Test
  void aCommentThatSaysAbstractSuppressesNothing() throws Exception {
    JsonNode json = audit(null, "pub fn import() -> u32 {\n    panic!(\"not implemented\") // abstract: subclasses override\n}\n");

    assertThat(rules(json, "block")).contains("rs-panic-not-implemented");
  }
}
