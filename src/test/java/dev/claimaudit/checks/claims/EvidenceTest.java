package dev.claimaudit.checks.claims;

import dev.claimaudit.checks.placeholder.PlaceholderPass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each evidence rule on a small repository: what the change does, what it claims, and the outcome. */
class EvidenceTest {
  @TempDir Path dir;

  private TestRepo base() {
    TestRepo repo = TestRepo.init(dir);
    repo.write("src/store.py", "def get(key):\n    return None\n")
        .write("src/util/strings.py", "def pad(s):\n    return s\n")
        .write("lib/strings.py", "def trim(s):\n    return s\n")
        .write("tests/test_store.py", "def test_get():\n    assert get('a') is None\n")
        .commit("Initial store");
    return repo.branch("feature");
  }

  private List<ClaimResult> audit(TestRepo repo, String message) {
    repo.commit(message);
    repo.close();
    try (GitRepository git = GitRepository.open(dir);
        ChangeSet changeSet = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      AuditContext context = new AuditContext(changeSet,
          new ClaimExtractor().read(List.of(ClaimSource.commit(changeSet.headSha(), message))),
          PullRequest.NONE, new CatalogLoader().builtIn(), PathFilter.defaults(), CheckSettings.defaults(), PlaceholderPass::new);
      return new ClaimsCheck().run(context).claimResults();
    }
  }

  private static ClaimResult only(List<ClaimResult> results, ClaimKind kind) {
    List<ClaimResult> ofKind = results.stream().filter(result -> result.claim().kind() == kind).toList();
    assertThat(ofKind).as("%s claims in %s", kind, results).hasSize(1);
    return ofKind.get(0);
  }

  @Test
  void aListedNewFileThatWasAddedIsBacked() {
    TestRepo repo = base().write("src/cache.py", "CACHE = {}\n");
    ClaimResult file = only(audit(repo, "Add a cache\n\nNew files:\n- src/cache.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(file.path()).isEqualTo("src/cache.py");
  }

  @Test
  void aFileSaidToBeRemovedMustBeGone() {
    TestRepo repo = base().write("src/cache.py", "CACHE = {}\n");
    ClaimResult stillThere = only(audit(repo, "Remove src/cache.py"), ClaimKind.FILE);

    assertThat(stillThere.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(stillThere.evidence()).contains("still exists");
  }

  @Test
  void aSlashedNameThatIsNoFileIsNotContradicted() {
    TestRepo repo = base().write("src/models.py", "MODELS = ['mistral/devstral-small']\n");
    ClaimResult file = only(audit(repo, "Models\n\nNew:\n- mistral/devstral-small"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.UNVERIFIED);
  }

  @Test
  void aListedNewFileThatIsMissingIsContradictedAtThatPath() {
    TestRepo repo = base().write("src/cache.py", "CACHE = {}\n");
    ClaimResult file = only(audit(repo, "Add eviction\n\nNew files:\n- src/eviction.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(file.path()).isEqualTo("src/eviction.py");
    assertThat(file.evidence()).contains("does not exist at head");
  }

  @Test
  void aFileListedAsNewThatAlreadyExistedIsContradicted() {
    TestRepo repo = base().write("src/store.py", "def get(key):\n    return 1\n");
    ClaimResult file = only(audit(repo, "Store\n\nNew files:\n- src/store.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(file.evidence()).contains("already existed");
  }

  @Test
  void aFileListedAsUpdatedThatTheRangeModifiesIsBacked() {
    TestRepo repo = base().write("src/store.py", "def get(key):\n    return 1\n");
    ClaimResult file = only(audit(repo, "Store returns one\n\nUpdated: src/store.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.BACKED);
  }

  @Test
  void aBareBasenameResolvesToTheUniquePathWithThatName() {
    TestRepo repo = base().write("src/store.py", "def get(key):\n    return 1\n");
    ClaimResult file = only(audit(repo, "Store returns one\n\nUpdated: store.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(file.path()).isEqualTo("src/store.py");
  }

  @Test
  void anAmbiguousBasenameStaysUnverified() {
    TestRepo repo = base().write("lib/strings.py", "def trim(s):\n    return s.strip()\n");
    ClaimResult file = only(audit(repo, "Trim for real\n\nUpdated: strings.py"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(file.evidence()).contains("lib/strings.py", "src/util/strings.py");
  }

  @Test
  void aPathOutsideTheRepositoryIsNeverRead() {
    TestRepo repo = base().write("src/cache.py", "CACHE = {}\n");
    ClaimResult file = only(audit(repo, "Cache\n\nUpdated: ../../etc/passwd"), ClaimKind.FILE);

    assertThat(file.status()).isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(file.evidence()).contains("not a path inside the repository");
  }

  @Test
  void aSymbolInTheNamedFileIsBackedOnlyWhenItIsInCode() {
    TestRepo repo = base().write("src/store.py", "# RETRY_LIMIT will come later\ndef get(key):\n    return None\n");
    ClaimResult symbol = only(audit(repo, "Retry\n\nAdds a RETRY_LIMIT constant in src/store.py."), ClaimKind.SYMBOL);

    assertThat(symbol.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(symbol.evidence()).contains("only in a comment");
  }

  @Test
  void aSymbolDefinedInTheNamedFileIsBacked() {
    TestRepo repo = base().write("src/store.py", "RETRY_LIMIT = 3\n\ndef get(key):\n    return None\n");
    ClaimResult symbol = only(audit(repo, "Retry\n\nAdds a RETRY_LIMIT constant in store.py."), ClaimKind.SYMBOL);

    assertThat(symbol.status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(symbol.path()).isEqualTo("src/store.py");
  }

  @Test
  void aClaimedTestCountIsHeldToTheTestsCounted() {
    TestRepo repo = base().write("tests/test_cache.py", "def test_a():\n    assert cache() == {}\n\ndef test_b():\n    assert len(cache()) == 0\n");
    ClaimResult tests = only(audit(repo, "Cache\n\nAdds 3 tests in tests/test_cache.py."), ClaimKind.TEST);

    assertThat(tests.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(tests.evidence()).contains("claims 3 tests", "add 2");
  }

  /** A Go script test ({@code testscript}, a {@code .txtar} under {@code testdata/}) is a test the claim may mean, though none is counted in it. */
  @Test
  void aScriptTestBacksNoCountButIsATestAdded() {
    TestRepo repo = base().write("acceptance/testdata/repo/repo-sync.txtar", "exec gh repo sync\nstdout 'Synced'\n");
    ClaimResult tests = only(audit(repo, "Add acceptance tests for repo-sync"), ClaimKind.TEST);

    assertThat(tests.status()).isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(tests.evidence()).contains("no known test framework");
  }

  @Test
  void aRunClaimStaysUnverifiedWithoutEvidenceAgainstIt() {
    TestRepo repo = base().write("tests/test_cache.py", "def test_a():\n    assert cache() == {}\n");
    ClaimResult tests = only(audit(repo, "Cache\n\nAll tests pass."), ClaimKind.TEST);

    assertThat(tests.status()).isEqualTo(ClaimStatus.UNVERIFIED);
  }

  @Test
  void aSkippedTestContradictsARunClaim() {
    TestRepo repo = base().write("tests/test_cache.py", "import pytest\n\n@pytest.mark.skip(reason='later')\ndef test_a():\n    assert cache() == {}\n");
    ClaimResult tests = only(audit(repo, "Cache\n\nAll tests pass."), ClaimKind.TEST);

    assertThat(tests.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(tests.contradictedBy()).extracting(finding -> finding.line()).containsExactly(3);
  }

  @Test
  void aStubContradictsADoneClaimUnlessTheMessageOwnsUpToIt() {
    ClaimResult silent = only(audit(base().write("src/cache.py", "def load():\n    raise NotImplementedError\n"),
        "Cache loading, done"), ClaimKind.STATUS);
    assertThat(silent.status()).isEqualTo(ClaimStatus.CONTRADICTED);
  }

  @Test
  void aStubTheMessageOwnsUpToDoesNotContradictIt() {
    ClaimResult honest = only(audit(base().write("src/cache.py", "def load():\n    raise NotImplementedError\n"),
        "Cache module, done; load() is still a stub"), ClaimKind.STATUS);
    assertThat(honest.status()).isEqualTo(ClaimStatus.BACKED);
  }

  @Test
  void aDoneClaimOverAFileTheScanCouldNotReadIsUnverified() {
    ClaimResult done = only(audit(base().write("src/analysis.ipynb", "{\"cells\": [ not json"),
        "Churn analysis, done"), ClaimKind.STATUS);
    assertThat(done.status()).isEqualTo(ClaimStatus.UNVERIFIED);
    assertThat(done.evidence()).contains("could not be scanned").contains("src/analysis.ipynb");
  }

  @Test
  void aClaimAboutOtherCodeIsNotHeldBackByAnUnreadFile() {
    ClaimResult done = only(audit(base().write("src/analysis.ipynb", "{\"cells\": [ not json").write("src/store.py", "def get(key):\n    return {}\n"),
        "feat(store): return an empty record for a missing key"), ClaimKind.STATUS);
    assertThat(done.status()).isEqualTo(ClaimStatus.BACKED);
  }

  @Test
  void noStubsLeftOverAFileTheScanCouldNotReadIsUnverified() {
    ClaimResult absence = only(audit(base().write("src/analysis.ipynb", "{\"cells\": [ not json"),
        "Churn analysis\n\nNo stubs left."), ClaimKind.ABSENCE);
    assertThat(absence.status()).isEqualTo(ClaimStatus.UNVERIFIED);
  }

  @Test
  void aStubAddedWhileMovingCodeIntoAnIgnoredPathIsStillFound() {
    String ledger = "def post(entry):\n    entries.append(entry)\n    return len(entries)\n\n\ndef balance():\n    return sum(entries)\n\n\n"
        + "def reset():\n    entries.clear()\n";
    TestRepo repo = TestRepo.init(dir).write("src/ledger.py", ledger).commit("Ledger").branch("feature");
    ClaimResult done = only(audit(repo.delete("src/ledger.py")
        .write("vendor/ledger.py", ledger + "\n\ndef refund(entry):\n    raise NotImplementedError\n"), "Ledger refunds, done"), ClaimKind.STATUS);
    assertThat(done.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(done.evidence()).contains("vendor/ledger.py");
  }

  @Test
  void aFileAddedStraightIntoAnIgnoredPathIsLeftAlone() {
    ClaimResult done = only(audit(base().write("vendor/left_pad.py", "def pad(s):\n    raise NotImplementedError\n"),
        "Vendor left_pad, done"), ClaimKind.STATUS);
    assertThat(done.status()).isEqualTo(ClaimStatus.BACKED);
  }

  @Test
  void aFileClaimedByNameThatMovedIsBackedWhereItWent() {
    TestRepo repo = TestRepo.init(dir).write("SECURITY.md", "Report issues by mail.\n").commit("Policy").branch("feature");
    ClaimResult fixed = only(audit(repo.delete("SECURITY.md").write(".github/SECURITY.md", "Report issues through the advisory form.\n"),
        "Fix SECURITY.md"), ClaimKind.FILE);
    assertThat(fixed.status()).isEqualTo(ClaimStatus.BACKED);
    assertThat(fixed.evidence()).contains(".github/SECURITY.md");
  }

  @Test
  void aFileClaimedByNameThatIsOnlyDeletedIsContradicted() {
    TestRepo repo = TestRepo.init(dir).write("SECURITY.md", "Report issues by mail.\n").commit("Policy").branch("feature");
    ClaimResult fixed = only(audit(repo.delete("SECURITY.md").write("src/app.py", "x = 1\n"), "Fix SECURITY.md"), ClaimKind.FILE);
    assertThat(fixed.status()).isEqualTo(ClaimStatus.CONTRADICTED);
  }

  @Test
  void noTodosLeftIsContradictedByAnAddedTodo() {
    ClaimResult absence = only(audit(base().write("src/cache.py", "def load():\n    # TODO: read from disk\n    return {}\n"),
        "Cache loading\n\nNo TODOs left."), ClaimKind.ABSENCE);
    assertThat(absence.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(absence.evidence()).contains("src/cache.py:2");
  }

  @Test
  void anEnumerationWhoseCountDoesNotMatchItsItemsIsContradicted() {
    ClaimResult enumeration = audit(base().write("src/modes.py", "MODES = ['fast', 'safe']\n"), "Modes\n\nModes (3): fast, safe.").stream()
        .filter(result -> result.claim().subject() instanceof ClaimSubject.Enumeration)
        .findFirst().orElseThrow();
    assertThat(enumeration.status()).isEqualTo(ClaimStatus.CONTRADICTED);
    assertThat(enumeration.evidence()).contains("says 3", "lists 2");
  }
}
