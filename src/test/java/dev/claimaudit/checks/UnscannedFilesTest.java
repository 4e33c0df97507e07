package dev.claimaudit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.placeholder.PlaceholderCheck;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.testing.OpenAudit;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed file the scan could not read is named with its reason, so a claim resting on it is not taken as checked. */
class UnscannedFilesTest {
  @TempDir Path dir;

  @Test
  void binaryOversizedAndBrokenFilesAreListedWithTheirReasonAndReadableOnesAreNot() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n").commit("base");
      repo.branch("feature")
          .writeBytes("assets/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 0, 0})
          .write("data/huge.py", "x = 1\n".repeat(800_000))
          .write("notes/analysis.ipynb", "{\"cells\": [")
          .write("src/app.py", "def run():\n    return 1\n")
          .write("docs/guide.md", "How to run.\n")
          .commit("Add the app, its logo, the data and the notes");
    }
    try (OpenAudit audit = OpenAudit.of(dir, "main..feature", PullRequest.NONE, false, Map.of(), null, Map.of())) {
      Map<String, String> unscanned = audit.context().unscanned();

      assertThat(unscanned).containsOnlyKeys("assets/logo.png", "data/huge.py", "notes/analysis.ipynb");
      assertThat(unscanned.get("assets/logo.png")).isEqualTo("binary");
      assertThat(unscanned.get("data/huge.py")).startsWith("larger than 4 MiB");
      assertThat(unscanned.get("notes/analysis.ipynb")).startsWith("notebook is not valid JSON");
      assertThat(new PlaceholderCheck().run(audit.context()).note()).contains("3 changed files not scanned");
    }
  }
}
