package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.PathSets;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.FileDiff;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropping the lines no rule's pattern matches, before lexing and again once the file is lexed,
 * changes no finding: every example of the catalog, written into real files (with LF and CRLF line
 * ends, in test and other files, and with every call left open at the end of a line), scans the
 * same with and without those steps.
 */
class CandidateSelectionTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  @TempDir Path dir;

  @Test
  void theFileDiffScanFindsWhatTheLineScanFinds() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n").commit("base");
      repo.branch("feature");
      int n = 0;
      for (Rule rule : CATALOG.rules()) {
        for (Rule.Example example : concat(rule.match(), rule.noMatch())) {
          Language language = example.language();
          String code = example.code();
          String body = "first line\n" + code + "\n/* " + code + " */\n\"" + code + "\"\nlast line\n";
          String name = "example" + n++ + "_test." + language.extension();
          repo.write("src/" + name, body);
          repo.write("tests/" + name, body.replace("\n", "\r\n"));
          repo.write("src/u" + name, "// \u00e9\n" + body);
          // Every call left open, so that what a rule reads of a line goes on in the next.
          repo.write("src/w" + name, body.replace("(", "(\n"));
        }
      }
      repo.commit("examples");
    }
    PlaceholderScanner scanner = new PlaceholderScanner(CATALOG, PathFilter.defaults());
    PlaceholderScanner everyKeywordLine = new PlaceholderScanner(CATALOG, PathSets.ignoring(PathFilter.defaults()), false);
    int compared = 0;
    int found = 0;
    try (GitRepository git = GitRepository.open(dir); ChangeSet changes = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      for (FileChange file : changes.files()) {
        FileDiff diff = changes.diff(file);
        List<Finding> everyCandidate = everyKeywordLine.scan(file.path(), diff.addedLines(), diff::headText);
        assertThat(scanner.scan(file.path(), diff.addedLines(), diff::headText)).as(file.path()).isEqualTo(everyCandidate);
        assertThat(scanner.scan(file.path(), diff)).as(file.path()).isEqualTo(everyCandidate);
        compared++;
        found += everyCandidate.size();
      }
    }
    assertThat(compared).isGreaterThan(100);
    assertThat(found).as("the examples produce findings to compare").isGreaterThan(50);
  }

  private static List<Rule.Example> concat(List<Rule.Example> a, List<Rule.Example> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
