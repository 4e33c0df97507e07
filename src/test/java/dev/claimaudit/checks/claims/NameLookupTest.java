package dev.claimaudit.checks.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.placeholder.PlaceholderPass;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.CommitInfo;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.FileDiff;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name a claim says the change adds is looked for from the first file that adds its words, whose
 * added lines the pass over the change kept: no file is diffed twice to answer it.
 */
class NameLookupTest {
  @TempDir Path dir;

  /** A change set that counts how often each file is diffed. */
  private record Counting(ChangeSet changeSet, Map<String, Integer> diffs) implements ChangeSet {
    @Override
    public FileDiff diff(FileChange file) {
      diffs.merge(file.path(), 1, Integer::sum);
      return changeSet.diff(file);
    }

    @Override
    public String baseSha() {
      return changeSet.baseSha();
    }

    @Override
    public String headSha() {
      return changeSet.headSha();
    }

    @Override
    public String mergeBaseSha() {
      return changeSet.mergeBaseSha();
    }

    @Override
    public List<CommitInfo> commits() {
      return changeSet.commits();
    }

    @Override
    public List<FileChange> files() {
      return changeSet.files();
    }

    @Override
    public Optional<String> readAtHead(String path) {
      return changeSet.readAtHead(path);
    }

    @Override
    public List<String> headPaths() {
      return changeSet.headPaths();
    }

    @Override
    public List<String> notes() {
      return changeSet.notes();
    }

    @Override
    public void close() {
      changeSet.close();
    }
  }

  private List<ClaimResult> check(String message, Map<String, Integer> diffs) {
    try (GitRepository git = GitRepository.open(dir);
        ChangeSet changeSet = new Counting(git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT), diffs)) {
      AuditContext context = new AuditContext(changeSet,
          new ClaimExtractor().read(List.of(ClaimSource.commit(changeSet.headSha(), message))),
          PullRequest.NONE, new CatalogLoader().builtIn(), PathFilter.defaults(), CheckSettings.defaults(), PlaceholderPass::new);
      return new ClaimsCheck().run(context).claimResults();
    }
  }

  @Test
  void aClaimedNameIsFoundInTheLinesThePassKept() {
    String message = "Add the `header_parser.parse_header` helper";
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n").commit("base");
      repo.branch("feature")
          .write("src/a_util.py", "def helper():\n    return 'parse'\n")
          .write("src/header_parser.py", "def parse_header(raw):\n    return raw.split(':')\n")
          .write("src/z_use.py", "import header_parser\nvalue = header_parser.parse_header('a: b')\n")
          .commit(message);
    }
    Map<String, Integer> diffs = new ConcurrentHashMap<>();

    List<ClaimResult> results = check(message, diffs);

    assertThat(results).filteredOn(result -> result.claim().kind() == ClaimKind.SYMBOL)
        .singleElement().satisfies(symbol -> assertThat(symbol.status()).isEqualTo(ClaimStatus.BACKED));
    assertThat(diffs).containsOnlyKeys("src/a_util.py", "src/header_parser.py", "src/z_use.py")
        .allSatisfy((path, times) -> assertThat(times).as(path).isEqualTo(1));
  }
}
