package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code go test} is started and read. Go is not installed here, so {@code go} on the tests'
 * PATH is a script that checks the arguments it is given and answers with {@code go test -json}
 * events, as Go does for a passing, a failing and a skipped test.
 */
class GoRunnerTest {
  private static final String FAKE_GO = """
      #!/bin/sh
      [ "$1 $2 $3 $4" = "test -json -count=1 -run" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
      [ "$5" = '^(TestRound|TestTotal)$' ] || { echo "unexpected -run pattern: $5" >&2; exit 2; }
      [ "$6" = "./cart" ] || { echo "unexpected package: $6" >&2; exit 2; }
      printf '%s\\n' '{"Action":"run","Package":"example.com/shop/cart","Test":"TestTotal"}'
      printf '%s\\n' '{"Action":"pass","Package":"example.com/shop/cart","Test":"TestTotal"}'
      printf '%s\\n' '{"Action":"output","Package":"example.com/shop/cart","Test":"TestRound","Output":"    round_test.go:9: got 3, want 4\\n"}'
      printf '%s\\n' '{"Action":"fail","Package":"example.com/shop/cart","Test":"TestRound"}'
      printf '%s\\n' '{"Action":"fail","Package":"example.com/shop/cart"}'
      exit 1
      """;

  @TempDir Path dir;
  @TempDir Path bin;

  @Test
  void onlyTheChangedFilesTestsRunAndEachIsTiedToItsFile() throws Exception {
    assumeTrue(DynamicAudit.installed("sh"), "sh is needed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("go.mod", "module example.com/shop\n\ngo 1.22\n")
          .write("cart/cart.go", "package cart\n\nfunc Total() int { return 0 }\n")
          .write("cart/old_test.go", "package cart\n\nimport \"testing\"\n\nfunc TestOld(t *testing.T) {}\n")
          .commit("Cart");
      repo.branch("feature")
          .write("cart/total_test.go", "package cart\n\nimport \"testing\"\n\nfunc TestTotal(t *testing.T) {}\n")
          .write("cart/round_test.go", "package cart\n\nimport \"testing\"\n\nfunc TestRound(t *testing.T) {}\n")
          .commit("Totals and rounding\n\nAll tests pass");
    }
    Path go = bin.resolve("go");
    Files.writeString(go, FAKE_GO);
    go.toFile().setExecutable(true);
    Map<String, String> env = new java.util.HashMap<>(DynamicAudit.environment());
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null, env);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.findings(Judge.FAILED)).singleElement().satisfies(finding -> {
      assertThat(finding.path()).isEqualTo("cart/round_test.go");
      assertThat(finding.message()).contains("'TestRound': round_test.go:9: got 3, want 4");
    });
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("All tests pass").evidence()).contains("cart/round_test.go, cart/total_test.go (go test): 1 passed, 1 failed, 0 skipped, 0 errored");
  }
}
