package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One registry of finding ids: declared once by what reports them, read by explain, rules, the policy and the reports. */
class FindingRegistryTest {
  @TempDir Path dir;

  @Test
  void everyIdThatIsNotACatalogRuleIsDeclaredWithATitleARationaleAndAnExample() {
    List<FindingType> types = FindingRegistry.builtIn().types();

    assertThat(types).extracting(FindingType::id).contains("claim-status-contradicted", "claim-file-contradicted",
        "placeholders-not-listed", "suppression-invalid", "policy-changed", "policy-invalid", "prompt-injection", "llm-gap",
        "llm-unavailable", "kb-recurring", "kb-file-note", "kb-edited", "dynamic-test-not-run", "dynamic-test-failed",
        "dynamic-test-skipped");
    assertThat(types).allSatisfy(type -> assertThat(List.of(type.title(), type.rationale(), type.example())).allMatch(text -> !text.isBlank()));
  }

  @Test
  void explainAnswersForEveryDeclaredId() {
    for (FindingType type : FindingRegistry.builtIn().types()) {
      CliRun run = CliRun.of("explain", type.id());

      assertThat(run.exitCode()).as(type.id()).isZero();
      assertThat(run.out()).startsWith(type.id() + ": " + type.title() + "\n").contains(type.example(), "rules:\n    " + type.id() + ": warn");
    }
  }

  @Test
  void anUndeclaredIdFailsTheAudit() {
    Finding stray = Finding.builder("made-up-rule", "static").severity(Severity.WARN).message("x").build();

    assertThatThrownBy(() -> AuditPipeline.requireDeclared(List.of(stray), Set.of("rs-todo-macro")))
        .hasMessageContaining("finding id made-up-rule (from the static check) is declared neither in the catalog");
  }

  @Test
  void aPolicyMayConfigureEveryDeclaredIdAndAuditConfigAcceptsIt() {
    StringBuilder policy = new StringBuilder("version: 1\nrules:\n");
    FindingRegistry.builtIn().ids().forEach(id -> policy.append("  ").append(id).append(": warn\n"));
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(".claim-audit.yml", policy.toString()).commit("Policy that names every finding");
      repo.branch("feature").write("a.txt", "a\n").commit("Add a");
    }

    CliRun run = CliRun.of("config", "--repo", dir.toString(), "--range", "main..feature");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("rules.placeholders-not-listed");
  }
}
