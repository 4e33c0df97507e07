package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a package's own framework is started and read. Jest itself is not installed here, so the
 * package's {@code node_modules/.bin/jest} is a small script that answers the way Jest does: it
 * writes its JSON report to {@code --outputFile} for the files given after {@code --runTestsByPath}.
 */
class PackageRunnerTest {
  private static final String FAKE_JEST = """
      #!/bin/sh
      out=""; files=""; by_path=no
      for arg in "$@"; do
        case "$arg" in
          --outputFile=*) out="${arg#--outputFile=}" ;;
          --runTestsByPath) by_path=yes ;;
          ./*) files="$files ${arg#./}" ;;
        esac
      done
      [ "$by_path" = yes ] || { echo "expected --runTestsByPath" >&2; exit 2; }
      printf '{"testResults":[' > "$out"
      sep=""
      for file in $files; do
        status=passed
        case "$file" in *checkout*) status=failed ;; esac
        printf '%s{"name":"%s/%s","status":"%s","assertionResults":[{"fullName":"%s works","status":"%s","failureMessages":["Error: total is off"]},{"fullName":"%s later","status":"todo"}]}' \\
          "$sep" "$PWD" "$file" "$status" "$file" "$status" "$file" >> "$out"
        sep=","
      done
      printf ']}' >> "$out"
      """;

  @TempDir Path dir;

  @Test
  void jestFromTheProjectsNodeModulesReportsEachFile() throws Exception {
    assumeTrue(DynamicAudit.installed("sh"), "sh is needed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("package.json", "{ \"devDependencies\": { \"jest\": \"^29.7.0\" }, \"scripts\": { \"test\": \"jest\" } }\n")
          .write(".gitignore", "node_modules/\n")
          .write("src/cart.js", "exports.total = () => 0;\n").commit("Cart");
      repo.branch("feature")
          .write("src/cart.test.js", "test('cart works', () => {});\ntest.todo('cart later');\n")
          .write("src/checkout.test.js", "test('checkout works', () => {});\n")
          .commit("Cart and checkout tests\n\nAdds 2 tests in src/cart.test.js\n\nAll tests pass");
    }
    Path jest = dir.resolve("node_modules/.bin/jest");
    Files.createDirectories(jest.getParent());
    Files.writeString(jest, FAKE_JEST);
    jest.toFile().setExecutable(true);
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.outcome().note()).contains("ran jest 2 files");
    assertThat(audit.findings(Judge.FAILED)).singleElement().satisfies(finding -> {
      assertThat(finding.path()).isEqualTo("src/checkout.test.js");
      assertThat(finding.message()).contains("'src/checkout.test.js works': Error: total is off");
    });
    assertThat(audit.claim("Adds 2 tests in src/cart.test.js").status()).as("a todo is not a test that ran").isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("Adds 2 tests in src/cart.test.js").evidence())
        .contains("src/cart.test.js (jest): 1 passed, 0 failed, 1 skipped, 0 errored; 1 of them ran");
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
  }

  @Test
  void anOlderMochaThatPrintsItsJsonReportIsReadFromItsOutput() throws Exception {
    assumeTrue(DynamicAudit.installed("sh"), "sh is needed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("package.json", "{ \"devDependencies\": { \"mocha\": \"^8.4.0\" } }\n").write(".gitignore", "node_modules/\n")
          .write("lib/rates.js", "exports.rate = () => 1;\n").commit("Rates");
      repo.branch("feature").write("test/rates.spec.js", "it('converts', () => {});\nit('rounds', () => {});\n")
          .commit("Rate tests\n\n2 tests pass, 0 fail");
    }
    Path mocha = dir.resolve("node_modules/.bin/mocha");
    Files.createDirectories(mocha.getParent());
    Files.writeString(mocha, """
        #!/bin/sh
        echo "console output of a test"
        cat <<JSON
        {
          "stats": {"tests": 2},
          "passes": [{"fullTitle": "converts", "file": "$PWD/test/rates.spec.js"}, {"fullTitle": "rounds", "file": "$PWD/test/rates.spec.js"}],
          "failures": [],
          "pending": []
        }
        JSON
        """);
    mocha.toFile().setExecutable(true);
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.claim("2 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(audit.claim("2 tests pass").evidence()).contains("test/rates.spec.js (mocha): 2 passed, 0 failed");
  }
}
