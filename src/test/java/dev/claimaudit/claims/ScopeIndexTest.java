package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index of scopes finds every scope that covers a placeholder: it may offer more, never fewer. */
class ScopeIndexTest {
  private static final List<Scope> SCOPES = List.of(
      Scope.of("Payments, done"),
      Scope.of("feat(parser): support the thematic break block"),
      Scope.of("Fix `parseHeader` for empty input"),
      Scope.of("Update src/io/Reader.java"),
      Scope.of("Implement the CSV importer in lib/import"),
      Scope.of("Rename format_args and the AzureOpenAiClient"),
      Scope.of("Add tests for the cache"),
      Scope.of("done"),
      Scope.of("Refund flow ready"),
      Scope.of("Speed up ./build/ scripts"));

  private static final List<Site> SITES = List.of(
      site("src/payments/refund.py", "Refunds", "issue_refund"),
      site("crates/markdown_parser/src/syntax/thematic_break.rs", "parse_thematic_break"),
      site("src/http/headers.ts", "HeaderParser", "parseHeaderLine"),
      site("src/io/Reader.java", "Reader", "read"),
      site("lib/import/csv.py", "CsvImporter", "rows"),
      site("src/clients/azure.ts", "OpenAiClient", "complete"),
      site("tests/test_cache.py", "test_eviction"),
      site("build/scripts/release.sh"),
      site("src/formatting/args.rs", "collect_format_args_for"));

  private static Site site(String path, String... symbols) {
    return new Site(path, List.of(symbols), Disclosure.HARD_STUB, false);
  }

  @Test
  void everyScopeThatCoversASiteIsACandidate() {
    ScopeIndex index = new ScopeIndex(SCOPES);
    int covered = 0;
    for (Site site : SITES) {
      Terms terms = Terms.of(site);
      BitSet candidates = index.candidates(site.path(), terms);
      for (int i = 0; i < SCOPES.size(); i++) {
        if (SCOPES.get(i).covers(site, terms)) {
          covered++;
          assertThat(candidates.get(i)).as("%s covers %s", SCOPES.get(i), site).isTrue();
        }
      }
    }
    assertThat(covered).as("pairs that cover: the sites are chosen so that most scopes cover one").isGreaterThan(SITES.size());
  }

  @Test
  void aScopeThatNamesNothingOfASiteIsNoCandidate() {
    ScopeIndex index = new ScopeIndex(SCOPES);
    Site unrelated = site("docs/changelog/entry.md", "Entry");

    BitSet candidates = index.candidates(unrelated.path(), Terms.of(unrelated));

    assertThat(candidates.stream().mapToObj(SCOPES::get).toList()).containsExactly(Scope.EVERYTHING);
  }
}
