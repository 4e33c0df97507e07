package dev.claimaudit.checks.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case the tool was made for, rebuilt: a "Phase 4 shipped" commit that lists its files, its
 * test count and its quarantine reasons, and says 117 tests pass while one of them is skipped.
 */
class PhaseFourExportTest {
  private static final String MESSAGE = """
      distillation: Phase 4 — dataset export layer

      Adds the exporters that turn scored evidence into training datasets
      without leaking rejected or provenance-free records.

      Files (7 new):
        scripts/distillation/quarantine.ts        QuarantineWriter, 11-reason taxonomy
        scripts/distillation/export_rag.ts        RAG exporter (--include-review opt-in)
        scripts/distillation/export_sft.ts        SFT exporter (SFT_NEVER constant)
        scripts/distillation/export_preference.ts preference pairs, same task_id
        scripts/distillation/distill.ts           CLI dispatcher
        tests/distillation/exports.test.ts        15 contamination-firewall tests
        reports/distillation/phase4-export-report.md  acceptance report

      Test metrics: 117 distillation tests pass · 0 fail · 315 expects

      Quarantine reasons (11): missing_provenance, missing_source_run_id,
      empty_content, schema_violation, unsafe_sft_category,
      unsafe_rag_category, invalid_preference_pairing,
      hallucinated_file_path, duplicate_id, self_pairing,
      category_disallowed.

      Carry-overs to Phase 5:
      - per-stage receipt.json files

      Co-Authored-By: Some Model <noreply@example.com>
      """;

  private static final List<String> REASONS = List.of("missing_provenance", "missing_source_run_id", "empty_content",
      "schema_violation", "unsafe_sft_category", "unsafe_rag_category", "invalid_preference_pairing",
      "hallucinated_file_path", "duplicate_id", "self_pairing", "category_disallowed");

  @TempDir Path dir;

  @BeforeEach
  void buildRepository() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("scripts/distillation/score.ts", "export function score(row: string): number {\n  return row.length;\n}\n")
          .commit("Phase 3 scoring");
      repo.branch("feature")
          .write("scripts/distillation/quarantine.ts", quarantine())
          .write("scripts/distillation/export_rag.ts", "export function exportRag(rows: string[]): string[] {\n  return rows;\n}\n")
          .write("scripts/distillation/export_sft.ts",
              "export const SFT_NEVER = new Set([\"rejected\", \"needs_human_review\"]);\n"
                  + "export function exportSft(rows: string[]): string[] {\n  return rows.filter((row) => !SFT_NEVER.has(row));\n}\n")
          .write("scripts/distillation/export_preference.ts", "export function pairs(ids: string[]): string[][] {\n  return [ids];\n}\n")
          .write("scripts/distillation/distill.ts", "const help = \"usage: distill todo!() is not a command\";\nconsole.log(help);\n")
          .write("tests/distillation/exports.test.ts", tests())
          .write("reports/distillation/phase4-export-report.md", "# Phase 4 acceptance\n\nAll exporters ran on 1052 rows.\n")
          .commit(MESSAGE);
    }
  }

  private static String quarantine() {
    StringBuilder code = new StringBuilder("export const REASONS = [\n");
    REASONS.forEach(reason -> code.append("  \"").append(reason).append("\",\n"));
    return code.append("] as const;\n").toString();
  }

  private static String tests() {
    StringBuilder code = new StringBuilder("import { test, expect } from \"bun:test\";\n\n");
    for (int i = 1; i <= 14; i++) {
      code.append("test(\"firewall rule ").append(i).append("\", () => {\n  expect(").append(i).append(").toBeGreaterThan(0);\n});\n\n");
    }
    code.append("test.skip(\"preference self-pairs are quarantined\", () => {\n  expect(0).toBe(0);\n});\n");
    return code.toString();
  }

  private JsonNode audit() throws Exception {
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json");
    assertThat(run.err()).isEmpty();
    return new ObjectMapper().readTree(run.out());
  }

  private static List<JsonNode> claims(JsonNode verdict, String kind) {
    List<JsonNode> found = new ArrayList<>();
    verdict.path("claims").forEach(claim -> {
      if (claim.path("kind").asText().equals(kind)) {
        found.add(claim);
      }
    });
    return found;
  }

  @Test
  void everyListedFileIsCheckedAndBacked() throws Exception {
    List<JsonNode> files = claims(audit(), "file").stream().filter(claim -> claim.path("path").isTextual()).toList();

    assertThat(files).extracting(claim -> claim.path("path").asText()).containsExactlyInAnyOrder(
        "scripts/distillation/quarantine.ts", "scripts/distillation/export_rag.ts", "scripts/distillation/export_sft.ts",
        "scripts/distillation/export_preference.ts", "scripts/distillation/distill.ts", "tests/distillation/exports.test.ts",
        "reports/distillation/phase4-export-report.md");
    assertThat(files).allSatisfy(claim -> assertThat(claim.path("status").asText()).isEqualTo("backed"));
  }

  @Test
  void theFifteenFirewallTestsAreCounted() throws Exception {
    JsonNode counted = claims(audit(), "test").stream()
        .filter(claim -> claim.path("text").asText().contains("15 contamination-firewall tests"))
        .findFirst().orElseThrow();

    assertThat(counted.path("evidence").asText()).contains("15 test cases");
  }

  @Test
  void theElevenQuarantineReasonsAreCountedAndFound() throws Exception {
    JsonNode reasons = claims(audit(), "status").stream()
        .filter(claim -> claim.path("text").asText().startsWith("Quarantine reasons (11)"))
        .findFirst().orElseThrow();

    assertThat(reasons.path("status").asText()).isEqualTo("backed");
    assertThat(reasons.path("evidence").asText()).contains("lists 11 items");
  }

  @Test
  void theSkippedTestContradictsTheClaimedRunAndBlocks() throws Exception {
    JsonNode verdict = audit();

    assertThat(verdict.path("verdict").asText()).isEqualTo("block");
    JsonNode passFail = claims(verdict, "test").stream()
        .filter(claim -> claim.path("text").asText().contains("117 distillation tests pass"))
        .findFirst().orElseThrow();
    assertThat(passFail.path("status").asText()).isEqualTo("contradicted");
    assertThat(StreamSupport.stream(verdict.path("findings").spliterator(), false))
        .anySatisfy(finding -> {
          assertThat(finding.path("path").asText()).isEqualTo("tests/distillation/exports.test.ts");
          assertThat(finding.path("line").asInt()).isEqualTo(59);
          assertThat(finding.path("severity").asText()).isEqualTo("block");
        });
  }

  @Test
  void aTodoMacroInsideATypeScriptStringIsNotAFinding() throws Exception {
    assertThat(StreamSupport.stream(audit().path("findings").spliterator(), false))
        .noneSatisfy(finding -> assertThat(finding.path("path").asText()).isEqualTo("scripts/distillation/distill.ts"));
  }

  @Test
  void theSymbolNamedInTheFileListIsFoundInItsFile() throws Exception {
    JsonNode symbol = claims(audit(), "symbol").stream().findFirst().orElseThrow();

    assertThat(symbol.path("path").asText()).isEqualTo("scripts/distillation/export_sft.ts");
    assertThat(symbol.path("status").asText()).isEqualTo("backed");
  }
}
