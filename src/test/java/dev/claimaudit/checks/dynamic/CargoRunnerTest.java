package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic check over a small crate without dependencies, so cargo needs no network. */
class CargoRunnerTest {
  @TempDir Path dir;

  @Test
  void unitAndIntegrationTestsAreTiedToTheirFiles() throws Exception {
    assumeTrue(DynamicAudit.installed("cargo"), "cargo is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("Cargo.toml", "[package]\nname = \"tally\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n")
          .write(".gitignore", "target/\n")
          .write("src/lib.rs", "pub mod split;\n")
          .write("src/split.rs", "pub fn halves(n: u32) -> (u32, u32) {\n    (n / 2, n / 2)\n}\n")
          .commit("Split");
      repo.branch("feature")
          .write("src/split.rs", """
              pub fn halves(n: u32) -> (u32, u32) {
                  (n / 2, n / 2)
              }

              #[cfg(test)]
              mod tests {
                  #[test]
                  fn even_numbers_split_evenly() {
                      assert_eq!(super::halves(4), (2, 2));
                  }
              }
              """)
          .write("tests/odd.rs", """
              #[test]
              fn odd_numbers_keep_the_remainder() {
                  let (a, b) = tally::halves(5);
                  assert_eq!(a + b, 5, "the remainder was lost");
              }

              #[test]
              fn zero_splits_into_zeros() {
                  assert_eq!(tally::split::halves(0), (0, 0));
              }
              """)
          .write("src/lib.rs", "pub mod split;\npub use split::halves;\n")
          .commit("Halves for odd numbers\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.outcome().note()).contains("cargo test 2 files");
    Finding failed = audit.findings(Judge.FAILED).get(0);
    assertThat(failed.path()).isEqualTo("tests/odd.rs");
    assertThat(failed.message()).contains("1 passed, 1 failed").contains("odd_numbers_keep_the_remainder");
    assertThat(audit.findings(Judge.FAILED)).hasSize(1);
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("All tests pass").evidence()).contains("src/split.rs, tests/odd.rs (cargo test): 2 passed, 1 failed");
  }
}
