package dev.claimaudit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A language is defined once, by {@link Language}; everything else that knows languages is keyed
 * by it and must know all of them: the catalog has rules of the language's own, the test counter
 * a declaration pattern, the fixtures a file of placeholders in it.
 */
class EveryLanguageTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/placeholders");

  @ParameterizedTest
  @EnumSource(Language.class)
  void theCatalogHasRulesOfItsOwn(Language language) {
    assertThat(CATALOG.rulesFor(language)).as("rules of %s besides the rules of every language", language.id())
        .anyMatch(rule -> rule.languages().contains(language) && rule.languages().size() < Language.values().length);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void theTestCounterKnowsHowItDeclaresATest(Language language) {
    assertThat(TestCounter.declaration(language)).as(language.id()).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aFixtureHoldsPlaceholdersWrittenInIt(Language language) throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      fixtures = files.filter(Files::isRegularFile).filter(file -> Language.of(file.toString()).orElse(null) == language).toList();
    }
    assertThat(fixtures).as("fixtures in %s", language.id()).isNotEmpty();
  }
}
