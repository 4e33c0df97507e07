package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dynamic check over a small Maven project with JUnit 5 tests. The project builds offline
 * ({@code -o} in its {@code .mvn/maven.config}) from the plugins and libraries this build already
 * resolved, so it needs no network. Maven starts slowly, so each range is audited once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MavenRunnerTest {
  private static final String POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>dev.example</groupId>
        <artifactId>inventory</artifactId>
        <version>1.0.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>5.14.1</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.13.0</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-surefire-plugin</artifactId>
              <version>3.5.2</version>
            </plugin>
          </plugins>
        </build>
      </project>
      """;
  private static final String STOCK = """
      package inventory;

      public final class Stock {
        private int units;

        public void receive(int count) {
          if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
          }
          units += count;
        }

        public boolean needsReorder(int threshold) {
          return units < threshold;
        }

        public int units() {
          return units;
        }
      }
      """;
  private static final String STOCK_TEST = """
      package inventory;

      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertNull;
      import static org.junit.jupiter.api.Assertions.assertThrows;

      import org.junit.jupiter.api.Test;

      class StockTest {
        @Test
        void receivingAddsUnits() {
          Stock stock = new Stock();
          stock.receive(3);
          stock.receive(4);
          assertEquals(7, stock.units());
        }

        @Test
        void aNonPositiveDeliveryIsRejected() {
          assertThrows(IllegalArgumentException.class, () -> new Stock().receive(0));
        }

        @Test
        void anEmptyStockStartsAtZero() {
          assertEquals(0, new Stock().units());
        }

        @Test
        void runsWithoutTheAuditJobSecrets() {
          assertNull(System.getenv("FIXTURE_API_TOKEN"));
          assertEquals("visible", System.getenv("FIXTURE_MARKER"));
        }
      }
      """;

  private Path dir;
  private DynamicAudit clean;
  private DynamicAudit broken;

  @BeforeAll
  void auditBothRanges(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    assumeTrue(DynamicAudit.installed("mvn"), "Maven is not installed");
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("pom.xml", POM).write(".mvn/maven.config", "-o\n").write(".gitignore", "target/\n")
          .write("src/main/java/inventory/Stock.java", STOCK).commit("Stock keeping");
      repo.branch("tested").write("src/test/java/inventory/StockTest.java", STOCK_TEST)
          .commit("Test the stock\n\nTest metrics: 4 tests pass · 0 fail");
      clean = DynamicAudit.run(dir, "main..tested", null);
      repo.branch("feature")
          .write("src/test/java/inventory/ReorderTest.java", """
              package inventory;

              import static org.junit.jupiter.api.Assertions.assertTrue;

              import org.junit.jupiter.api.Test;

              class ReorderTest {
                @Test
                void reordersAtTheThreshold() {
                  Stock stock = new Stock();
                  stock.receive(10);
                  assertTrue(stock.needsReorder(10), "ten units at a threshold of ten should reorder");
                }
              }
              """)
          .write("src/test/java/inventory/LedgerTest.java", """
              package inventory;

              import static org.junit.jupiter.api.Assertions.assertEquals;

              import org.junit.jupiter.api.Test;

              class LedgerTest {
                @Test
                private void recordsEveryDelivery() {
                  assertEquals(1, 1);
                }

                @Test
                private void keepsDeliveriesInOrder() {
                  assertEquals(2, 2);
                }
              }
              """)
          .commit("Reorder rule and ledger\n\nAdds 2 tests in LedgerTest.java\n\nTest metrics: 6 tests pass · 0 fail");
      broken = DynamicAudit.run(dir, "main..feature", null);
    }
  }

  @Test
  void aClaimThatMatchesTheRunIsBackedAndTheTestsCannotSeeTheSecret() {
    assertThat(clean.outcome().failed()).as(clean.outcome().note()).isFalse();
    assertThat(clean.claim("4 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(clean.claim("4 tests pass").evidence()).contains("StockTest.java (maven): 4 passed, 0 failed, 0 skipped, 0 errored");
    assertThat(clean.outcome().findings()).isEmpty();
  }

  @Test
  void aFailingTestContradictsZeroFailAndBlocks() {
    assertThat(broken.claim("6 tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(broken.claim("6 tests pass").evidence()).contains("4 passed, 1 failed").contains("reordersAtTheThreshold");
    Finding failed = broken.findings(Judge.FAILED).get(0);
    assertThat(failed.path()).isEqualTo("src/test/java/inventory/ReorderTest.java");
    assertThat(failed.severity()).isEqualTo(Severity.BLOCK);
    assertThat(failed.message()).contains("ten units at a threshold of ten should reorder");
  }

  @Test
  void aClaimedTestClassThatRunsNothingBlocks() {
    Finding notRun = broken.findings(Judge.NOT_RUN).get(0);
    assertThat(notRun.path()).isEqualTo("src/test/java/inventory/LedgerTest.java");
    assertThat(notRun.severity()).isEqualTo(Severity.BLOCK);
    assertThat(broken.claim("Adds 2 tests in LedgerTest.java").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(broken.claim("Adds 2 tests in LedgerTest.java").evidence()).contains("0 passed, 0 failed, 0 skipped, 0 errored");
  }

  @Test
  void onlyTheChangedTestClassesRan() {
    assertThat(broken.outcome().note()).contains("maven 3 files");
    assertThat(dir.resolve("target/surefire-reports/TEST-inventory.StockTest.xml")).exists();
    assertThat(Files.exists(dir.resolve("target/surefire-reports/TEST-inventory.LedgerTest.xml"))).isFalse();
  }

  @Test
  void aHungTestIsKilledAtTheTimeoutWithTheForkedJvm(@TempDir Path hungDir) throws Exception {
    try (TestRepo repo = TestRepo.init(hungDir)) {
      repo.write("pom.xml", POM).write(".mvn/maven.config", "-o\n").write(".gitignore", "target/\n")
          .write("src/main/java/inventory/Stock.java", STOCK).commit("Stock keeping");
      repo.branch("feature").write("src/test/java/inventory/SupplierTest.java", """
          package inventory;

          import java.nio.file.Files;
          import java.nio.file.Path;
          import org.junit.jupiter.api.Test;

          class SupplierTest {
            @Test
            void waitsForTheSupplierFeed() throws Exception {
              Files.writeString(Path.of("hung.pid"), Long.toString(ProcessHandle.current().pid()));
              Thread.sleep(Long.MAX_VALUE);
            }
          }
          """).commit("Supplier feed\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(hungDir, "main..feature", "{\"timeout\": \"60s\"}");

    assertThat(audit.outcome().failed()).isTrue();
    assertThat(audit.outcome().note()).contains("maven did not finish within the dynamic timeout");
    long pid = DynamicAudit.pid(hungDir.resolve("hung.pid")).orElseThrow(() -> new AssertionError("the hung test never started"));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the forked test JVM %d is still running", pid).isFalse();
    assertThat(audit.claim("All tests pass").status()).as("a run that did not finish backs no claim").isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(audit.findings(Judge.UNMEASURED)).as("the run was asked for and measured nothing").singleElement()
        .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.BLOCK));
  }
}
