package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
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
      ScopeIndex.Found found = index.candidates(site.path(), terms);
      for (int i = 0; i < SCOPES.size(); i++) {
        if (SCOPES.get(i).covers(site, terms)) {
          covered++;
          assertThat(found.all().get(i)).as("%s covers %s", SCOPES.get(i), site).isTrue();
        } else {
          assertThat(found.covering().get(i)).as("%s does not cover %s", SCOPES.get(i), site).isFalse();
        }
      }
    }
    assertThat(covered).as("pairs that cover: the sites are chosen so that most scopes cover one").isGreaterThan(SITES.size());
  }

  @Test
  void aScopeThatNamesNothingOfASiteIsNoCandidate() {
    ScopeIndex index = new ScopeIndex(SCOPES);
    Site unrelated = site("docs/changelog/entry.md", "Entry");

    BitSet candidates = index.candidates(unrelated.path(), Terms.of(unrelated)).all();

    assertThat(candidates.stream().mapToObj(SCOPES::get).toList()).containsExactly(Scope.EVERYTHING);
  }

  /**
   * On generated claims and sites: the scopes found covering are exactly those that name
   * everything or a word related to the site's terms, and those and the possible ones that cover
   * when asked are exactly the scopes that cover.
   */
  @Test
  void theCoveringScopesAreExactlyThoseWhoseWordsAreRelated() {
    String[] words = {"parse", "parser", "parsing", "parsed", "payment", "payments", "pay", "refund", "refunds", "header", "headers",
        "read", "reader", "reading", "cache", "caching", "cached", "importer", "imports", "thematic", "format", "formatting", "done",
        "`parseHeader`", "`format_args`", "src/io", "lib/import/csv.py", "Reader.java", "the", "fix", "tests"};
    String[] paths = {"src/io/Reader.java", "lib/import/csv.py", "src/payments/refund.py", "crates/parser/src/header.rs", "docs/cache.md"};
    String[] symbols = {"parseHeaderLine", "Reader", "read_all", "CsvImporter", "issue_refund", "Payments", "format_args_for", "cacheGet",
        "PARSER", "thematicBreak"};
    Random random = new Random(17);
    List<Scope> scopes = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      StringBuilder sentence = new StringBuilder();
      for (int count = 1 + random.nextInt(4); count > 0; count--) {
        sentence.append(words[random.nextInt(words.length)]).append(' ');
      }
      scopes.add(Scope.of(sentence.toString()));
    }
    ScopeIndex index = new ScopeIndex(scopes);
    int covering = 0;
    for (int n = 0; n < 200; n++) {
      List<String> names = new ArrayList<>();
      for (int count = random.nextInt(3); count > 0; count--) {
        names.add(symbols[random.nextInt(symbols.length)]);
      }
      Site site = new Site(paths[random.nextInt(paths.length)], names, Disclosure.HARD_STUB, false);
      Terms terms = Terms.of(site);
      ScopeIndex.Found found = index.candidates(site.path(), terms);
      for (int i = 0; i < scopes.size(); i++) {
        Scope scope = scopes.get(i);
        boolean related = scope.everything() || scope.words().stream().anyMatch(terms::relatedTo);
        assertThat(found.covering().get(i)).as("%s at %s", scope, site).isEqualTo(related);
        assertThat(found.covering().get(i) || found.possible().get(i) && scope.covers(site, terms)).as("%s at %s", scope, site)
            .isEqualTo(scope.covers(site));
        covering += found.covering().get(i) ? 1 : 0;
      }
    }
    assertThat(covering).as("pairs found covering").isGreaterThan(1_000);
  }
}
