package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic check over small node projects whose tests run with node's built-in runner. */
class NodeTestRunnerTest {
  private static final String CART = """
      exports.total = (items) => items.reduce((sum, item) => sum + item.price * item.quantity, 0);
      exports.discount = (total, percent) => Math.round(total * (100 - percent)) / 100;
      """;
  private static final String CART_TESTS = """
      const test = require('node:test');
      const assert = require('node:assert');
      const fs = require('node:fs');
      const { total, discount } = require('../src/cart.js');

      test('sums price times quantity', () => {
        assert.strictEqual(total([{ price: 2, quantity: 3 }, { price: 1, quantity: 1 }]), 7);
      });

      test('an empty cart costs nothing', () => {
        assert.strictEqual(total([]), 0);
      });

      test('takes a percentage off', () => {
        assert.strictEqual(discount(200, 10), %s);
      });

      test('runs without the audit job secrets', () => {
        fs.writeFileSync('seen-env.json', JSON.stringify(process.env));
        assert.strictEqual(process.env.FIXTURE_API_TOKEN, undefined);
        assert.strictEqual(process.env.FIXTURE_MARKER, 'visible');
      });
      """;

  @TempDir Path dir;

  @BeforeEach
  void nodeIsInstalled() {
    assumeTrue(DynamicAudit.installed("node"), "node is not installed");
  }

  private TestRepo base() {
    return TestRepo.init(dir)
        .write("package.json", "{ \"name\": \"shop\", \"private\": true, \"scripts\": { \"test\": \"node --test\" } }\n")
        .write("src/cart.js", CART)
        .commit("Cart module");
  }

  @Test
  void aClaimThatMatchesTheRunIsBackedAndTheTestsCannotSeeTheSecret() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("test/cart.test.js", CART_TESTS.formatted("180")).commit("Cover the cart\n\nTest metrics: 4 tests pass · 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.outcome().failed()).as(audit.outcome().note()).isFalse();
    assertThat(audit.claim("4 tests pass").status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(audit.claim("4 tests pass").evidence()).contains("test/cart.test.js").contains("4 passed, 0 failed, 0 skipped, 0 errored");
    assertThat(audit.outcome().findings()).isEmpty();
    String seen = Files.readString(dir.resolve("seen-env.json"));
    assertThat(seen).doesNotContain(DynamicAudit.SECRET_VALUE).doesNotContain(DynamicAudit.SECRET_NAME).contains(DynamicAudit.MARKER_NAME);
    assertThat(audit.outcome().note()).contains("node --test 1 file").contains("removed from the tests' environment");
  }

  @Test
  void aFailingTestContradictsZeroFailAndBlocks() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("test/cart.test.js", CART_TESTS.formatted("170")).commit("Cover the cart\n\nTest metrics: 4 tests pass · 0 fail");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.claim("4 tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("4 tests pass").evidence()).contains("3 passed, 1 failed").contains("takes a percentage off");
    Finding failed = audit.findings(Judge.FAILED).get(0);
    assertThat(failed.path()).isEqualTo("test/cart.test.js");
    assertThat(failed.severity()).isEqualTo(Severity.BLOCK);
    assertThat(audit.claim("4 tests pass").contradictedBy()).containsExactly(failed);
  }

  @Test
  void aClaimedTestFileThatRunsNothingBlocks() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("test/discount.test.js", """
          const test = require('node:test');
          const assert = require('node:assert');
          const { discount } = require('../src/cart.js');

          function registerLater() {
            test('rounds to cents', () => {
              assert.strictEqual(discount(9.99, 10), 8.99);
            });
            test('keeps the price at zero percent', () => {
              assert.strictEqual(discount(5, 0), 5);
            });
          }
          """).commit("Discount rules\n\nAdds 2 tests in test/discount.test.js");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    Finding notRun = audit.findings(Judge.NOT_RUN).get(0);
    assertThat(notRun.path()).isEqualTo("test/discount.test.js");
    assertThat(notRun.severity()).isEqualTo(Severity.BLOCK);
    assertThat(notRun.message()).contains("declares 2 tests but ran no test").contains("never executed");
    assertThat(audit.claim("Adds 2 tests").status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(audit.claim("Adds 2 tests").evidence()).contains("0 passed, 0 failed, 0 skipped, 0 errored");
  }

  @Test
  void aHungTestIsKilledAtTheTimeoutWithItsWholeProcessTree() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("test/hang.test.js", """
          const test = require('node:test');
          const fs = require('node:fs');

          test('waits for a server that never answers', async () => {
            fs.writeFileSync('hung.pid', String(process.pid));
            await new Promise(() => setInterval(() => {}, 1000));
          });
          """).commit("Server handshake\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", "{\"timeout\": \"4s\"}");

    assertThat(audit.outcome().failed()).isTrue();
    assertThat(audit.outcome().note()).contains("did not finish within the dynamic timeout");
    long pid = DynamicAudit.pid(dir.resolve("hung.pid")).orElseThrow(() -> new AssertionError("the hung test never started"));
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the test process %d is still running", pid).isFalse();
    assertThat(audit.claim("All tests pass").status()).as("a run that did not finish backs no claim").isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(audit.findings(Judge.UNMEASURED)).as("the run was asked for and measured nothing").singleElement()
        .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.BLOCK));
  }

  @Test
  void aTestFileWithASyntaxErrorCountsAsErroredNotAsNeverExecuted() throws Exception {
    try (TestRepo repo = base()) {
      repo.branch("feature").write("test/broken.test.js", "const test = require('node:test');\ntest('x', () => {\n")
          .commit("Broken file\n\nAll tests pass");
    }
    DynamicAudit audit = DynamicAudit.run(dir, "main..feature", null);

    assertThat(audit.findings(Judge.NOT_RUN)).isEmpty();
    assertThat(audit.findings(Judge.FAILED)).singleElement().satisfies(finding -> assertThat(finding.message()).contains("1 errored"));
    assertThat(audit.claim("All tests pass").status()).isEqualTo(ClaimStatus.CONTRADICTED);
  }
}
