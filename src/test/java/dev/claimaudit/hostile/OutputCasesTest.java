package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** What the change's text can make a report print. */
class OutputCasesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"annotations", "text", "markdown", "summary", "json", "sarif", "rdjson", "rdjsonl"})
  @DisplayName("18: escape sequences and control characters in a file name are printed escaped in every format")
  void escapeSequencesInAFileNameArePrintedEscaped(String format) {
    Path repo = dir.resolve("repo");
    String name = "src/\u001b]0;owned\u0007\u001b[2J\u009b31mred\u0008\u007f.py";
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write(name, STUB).commit("Implement the parser, done");
    }

    CliRun run = audit("--repo", repo.toString(), "--range", "main..feature", "--format", format);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    if (format.equals("annotations")) {
      assertThat(run.out()).contains("::group::src/\\u001b]0;owned\\u0007\\u001b[2J\\u009b31mred\\u0008\\u007f.py")
          .contains("file=src/\\u001b]0;owned\\u0007");
    }
  }
}
