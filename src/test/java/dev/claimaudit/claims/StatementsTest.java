package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a change's words judge one placeholder: the message, the place of the placeholder, and the
 * judgement, side by side.
 */
class StatementsTest {

  private static Statements read(String... messagesOldestFirst) {
    List<ClaimSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < messagesOldestFirst.length; i++) {
      sources.add(ClaimSource.commit("c" + i, messagesOldestFirst[i]));
    }
    return new ClaimExtractor().read(sources);
  }

  private static Site stub(String path, String... symbols) {
    return new Site(path, List.of(symbols), Disclosure.HARD_STUB, false);
  }

  private static Site skip(String path, String... symbols) {
    return new Site(path, List.of(symbols), Disclosure.TEST_EVASION, false);
  }

  @Test
  void aStubInTheFunctionTheSubjectNamesBreaksTheClaim() {
    Judgement judgement = read("feat(api): add the CSV importer").judge(stub("src/importers.py", "CsvImporter", "parse_row"));

    assertThat(judgement.strength()).isEqualTo(Strength.NORMAL);
    assertThat(judgement.claim().text()).isEqualTo("feat(api): add the CSV importer");
  }

  @Test
  void aStubInAFunctionTheSubjectDoesNotNameIsOutOfItsScope() {
    Judgement judgement = read("feat(api): add the CSV importer").judge(stub("src/exporters.py", "PdfExporter", "render"));

    assertThat(judgement.inScope()).isFalse();
  }

  @Test
  void aSubjectNamingNothingSpecificCoversEveryLine() {
    assertThat(read("fix: address review comments").judge(stub("src/any.py", "anything")).strength()).isEqualTo(Strength.NORMAL);
    assertThat(read("Done").judge(stub("src/any.py", "anything")).strength()).isEqualTo(Strength.STRONG);
  }

  @Test
  void aFocusedTestIsInTheScopeOfEveryClaim() {
    Site focused = new Site("web/cart.test.ts", List.of("cart", "adds an item"), Disclosure.TEST_EVASION, true);

    assertThat(read("feat: add the PDF exporter").judge(focused).strength()).isEqualTo(Strength.NORMAL);
  }

  @Test
  void everySkippedTestIsInTheScopeOfAClaimAboutTests() {
    Judgement judgement = read("fix flaky websocket test").judge(skip("tests/test_upload.py", "test_resume"));

    assertThat(judgement.strength()).isEqualTo(Strength.NORMAL);
    assertThat(judgement.claim().kind()).isEqualTo(ClaimKind.TEST);
  }

  @Test
  void anAdmissionInTheSameSentenceHedgesWhatItNames() {
    Statements statements = read("Fix the upload test and disable the flaky download test");

    assertThat(statements.judge(skip("tests/test_transfer.py", "test_download")).strength()).isEqualTo(Strength.HEDGED);
  }

  @Test
  void aLaterAdmissionOfTheSameSubjectHedgesAnEarlierClaim() {
    Statements statements = read("feat: add the CSV importer", "The CSV importer's quoted fields are still a stub");

    assertThat(statements.judge(stub("src/csv.py", "CsvImporter", "quoted")).strength()).isEqualTo(Strength.HEDGED);
  }

  @Test
  void aLaterClaimOfTheSameSubjectOverridesAnEarlierAdmission() {
    Statements statements = read("Stub out the CSV importer", "CSV importer: done");

    assertThat(statements.judge(stub("src/csv.py", "CsvImporter", "load")).strength()).isEqualTo(Strength.STRONG);
  }

  @Test
  void aHedgeCoversItsOwnSentenceOnly() {
    Statements statements = read("Payments shipped.\n\nThe docs are still WIP.");

    assertThat(statements.judge(stub("src/payments.py", "charge")).strength()).isEqualTo(Strength.STRONG);
  }

  @Test
  void negatedHedgesHedgeNothing() {
    for (String message : List.of("Importer done. WIP: none", "Importer is stub-free and done", "Formerly a skeleton, the importer is now complete")) {
      assertThat(read(message).judge(stub("src/importer.py", "Importer", "load")).strength()).as(message).isNotEqualTo(Strength.HEDGED);
    }
  }

  @Test
  void aClaimNamingNothingOfTheChangeIsAboutTheWholeChange() {
    Statements statements = read("Implement the parser, done")
        .within(List.of("src/data.py"), List.of(stub("src/data.py")), java.util.Set.of());

    assertThat(statements.judge(stub("src/data.py")).strength()).isEqualTo(Strength.STRONG);
  }

  @Test
  void anAdmissionNamingNothingOfTheChangeAdmitsNothing() {
    Statements statements = read("Payments: done. The docs are still WIP.")
        .within(List.of("src/payments.py"), List.of(stub("src/payments.py", "refund")), java.util.Set.of());

    assertThat(statements.admissions()).isEmpty();
  }
}
