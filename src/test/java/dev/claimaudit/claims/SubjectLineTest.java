package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A subject line read as a claim: the type, area and text it is filed under, and what it claims. */
class SubjectLineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "feat(api): add a rate limiter      | feat | api   | add a rate limiter",
      "fix: guard against a null proxy    | fix  |       | guard against a null proxy",
      "[Server] Add a health endpoint     |      | Server | Add a health endpoint",
      "mac: prevent generate on cross-compiles (#15120) | | mac | prevent generate on cross-compiles",
      "PAY-1182: retry card captures      |      |       | retry card captures",
      "🐛 fix(parser)!: keep the cursor   | fix  | parser | keep the cursor"})
  void setsThePrefixesApartFromWhatTheChangeSaysItDid(String line, String type, String area, String text) {
    SubjectLine subject = SubjectLine.of(line);

    assertThat(subject.type()).isEqualTo(type == null ? "" : type);
    assertThat(subject.area()).isEqualTo(area == null ? "" : area);
    assertThat(subject.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "fix more tests               | true",
      "test fixes                   | true",
      "fix: failing tests           | true",
      "fix(ci): lint Python         | true",
      "Make CI green again          | true",
      "test(parser): cover empty input | true",
      "Update publish workflow and add test PyPI option | false",
      "feat: add type checks        | false",
      "fix it for real              | false"})
  void tellsASubjectAboutTestsFromOneThatOnlyMentionsThem(String line, boolean aboutTests) {
    assertThat(SubjectLine.of(line).aboutTests()).isEqualTo(aboutTests);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Empty commit to retrigger CI | true",
      "ci: retrigger after hub 502 | true",
      "Merge branch 'main' into feature | true",
      "Merge pull request #12 from ana/payments | true",
      "Retrigger the checks | true",
      "Trigger reindex on upload | false",
      "Add gitignore to dist directory | false"})
  void aMergeOrARequestToRunCiAgainClaimsNothing(String line, boolean nothing) {
    assertThat(SubjectLine.of(line).claimsNothing()).isEqualTo(nothing);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "feat(markdown/parser): support the thematic break parser | thematic",
      "fix(parser): handle an edge case                         | parser"})
  void theAreaNamesTheSubjectOnlyWhenTheTextNamesNothingElse(String line, String word) {
    assertThat(SubjectLine.of(line).scope().words()).contains(word).doesNotContain("markdown");
  }
}
