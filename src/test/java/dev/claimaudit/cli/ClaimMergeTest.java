package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.Strength;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several checks can settle one claim; the verdict keeps one result per claim. */
class ClaimMergeTest {
  private static final Claim COUNT = claim("c1", "117 tests pass · 0 fail");
  private static final Claim FILE = claim("c2", "Adds 3 tests in test/a.test.js");

  private static Claim claim(String id, String text) {
    return new Claim(id, ClaimKind.TEST, Strength.STRONG, text, "commit:abc", 1, new ClaimSubject.Tests(-1, 117, 0, false, null));
  }

  @Test
  void theMoreDecisiveResultWinsWhateverTheOrder() {
    List<ClaimResult> merged = AuditPipeline.merge(List.of(
        ClaimResult.of(COUNT, ClaimStatus.UNVERIFIED, "a run is not visible statically"),
        ClaimResult.of(FILE, ClaimStatus.CONTRADICTED, "adds 2"),
        ClaimResult.of(COUNT, ClaimStatus.CONTRADICTED, "the run: 4 passed, 1 failed"),
        ClaimResult.of(FILE, ClaimStatus.BACKED, "the run: 3 passed")));

    assertThat(merged).extracting(result -> result.claim().id()).containsExactly("c1", "c2");
    assertThat(merged).extracting(ClaimResult::status).containsExactly(ClaimStatus.CONTRADICTED, ClaimStatus.CONTRADICTED);
    assertThat(merged.get(1).evidence()).isEqualTo("adds 2");
  }

  @Test
  void backedBeatsUnverifiedAndOnATieTheLaterCheckWins() {
    List<ClaimResult> merged = AuditPipeline.merge(List.of(
        ClaimResult.of(COUNT, ClaimStatus.UNVERIFIED, "static"),
        ClaimResult.of(COUNT, ClaimStatus.BACKED, "the run: 117 passed"),
        ClaimResult.of(FILE, ClaimStatus.CONTRADICTED, "a todo test"),
        ClaimResult.of(FILE, ClaimStatus.CONTRADICTED, "the run: 1 failed")));

    assertThat(merged.get(0).evidence()).isEqualTo("the run: 117 passed");
    assertThat(merged.get(1).evidence()).isEqualTo("the run: 1 failed");
  }
}
