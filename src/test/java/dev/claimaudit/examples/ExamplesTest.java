package dev.claimaudit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples do what examples/ says they do. */
class ExamplesTest {
  private static final Path BODIES = Path.of("examples", "pr-bodies");

  @TempDir Path dir;

  @Test
  void theDemoShowsTheBlockThenThePass() {
    Path launcher = Processes.auditLauncher(dir.resolve("bin"));

    Processes.Result demo = Processes.run(dir, Map.of("CLAIM_AUDIT_BIN", launcher.toString()), "",
        List.of("bash", Path.of("examples", "demo.sh").toAbsolutePath().toString(), "--keep", dir.resolve("textkit").toString()));

    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out()).contains("claim-audit: block — 1 blocking").contains("textkit/slug.py:2  block  py-raise-not-implemented")
        .contains("claim-audit: pass").contains("demo: blocked the claim that was not backed (exit 1), passed the fixed change (exit 0)");
    assertThat(dir.resolve("textkit/.git")).isDirectory();
  }

  @Test
  void theOverclaimingBodyBlocksAChangeWithAStub() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "# tracebook\n").commit("Start");
      repo.branch("feature")
          .write("src/export/export_sft.ts", "export function exportSft(): string {\n  return \"\";\n}\n")
          .write("src/export/export_dpo.ts", "export function exportDpo(): string {\n  throw new Error(\"not implemented\");\n}\n")
          .write("tests/export_sft.test.ts", "import { it } from \"vitest\";\nit(\"exports\", () => {});\n")
          .commit("Export layer");
    }

    assertThat(verdict("overclaiming.md")).isEqualTo("block");
  }

  @Test
  void theHonestWipBodyOnlyWarnsAboutTheSameKindOfStub() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "# ledger\n").commit("Start");
      repo.branch("feature")
          .write("src/csv_import.py", "def parse_header(line):\n    return line.split(\",\")\n\n\ndef parse_row(line):\n    raise NotImplementedError\n")
          .commit("WIP: CSV import skeleton, parse_row is a stub");
    }

    assertThat(verdict("honest-wip.md")).isEqualTo("warn");
  }

  @Test
  void thePreciseBodyPassesWhenEveryClaimHolds() throws Exception {
    StringBuilder tests = new StringBuilder("from src.convert import convert\n");
    for (int i = 1; i <= 6; i++) {
      tests.append("\n\ndef test_case_").append(i).append("():\n    assert convert([").append(i).append("]) == [").append(i).append("]\n");
    }
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "# ledger\n").commit("Start");
      repo.branch("feature")
          .write("src/convert.py", "PIVOT_DEFAULT = \"date\"\n\n\ndef convert(rows):\n    return list(rows)\n")
          .write("tests/test_convert.py", tests.toString())
          .commit("Convert CSV exports");
    }

    assertThat(verdict("precise.md")).isEqualTo("pass");
  }

  private String verdict(String body) throws Exception {
    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--pr-body-file", BODIES.resolve(body).toString(),
        "--no-llm", "--format", "json");
    assertThat(run.err()).isEmpty();
    return new ObjectMapper().readTree(run.out()).path("verdict").asText();
  }
}
