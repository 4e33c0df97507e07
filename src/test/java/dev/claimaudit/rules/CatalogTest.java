package dev.claimaudit.rules;

import dev.claimaudit.lang.Lexer;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.checks.placeholder.PlaceholderFixtureTest;
import dev.claimaudit.checks.placeholder.PlaceholderScanner;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Patterns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.Rule.Example;
import dev.claimaudit.rules.Rule.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in catalog: every rule against its own examples, and the catalog as a whole. */
class CatalogTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  static Stream<Arguments> examples() {
    List<Arguments> cases = new ArrayList<>();
    for (Rule rule : CATALOG.rules()) {
      rule.match().forEach(example -> cases.add(Arguments.of(rule.id(), example.language(), example.code(), true)));
      rule.noMatch().forEach(example -> cases.add(Arguments.of(rule.id(), example.language(), example.code(), false)));
    }
    return cases.stream();
  }

  /** A path the rule applies to: a test file for test rules, a source file otherwise. */
  private static String pathFor(Rule rule, Language language) {
    return (rule.scope() == Scope.TESTS ? "tests/example_test." : "src/example.") + language.extension();
  }

  private static List<Finding> scan(Rule rule, String path, String code) {
    return new PlaceholderScanner(new Catalog(List.of(rule), "test"), PathFilter.defaults()).scanText(path, code + "\n");
  }

  @ParameterizedTest(name = "{0} [{1}] {3}: {2}")
  @MethodSource("examples")
  void ruleFiresOnItsMatchesAndNotOnItsNearMisses(String id, Language language, String code, boolean fires) {
    Rule rule = CATALOG.rule(id).orElseThrow();
    List<Finding> findings = scan(rule, pathFor(rule, language), code);
    assertThat(findings).as("%s on %s", id, code).hasSize(fires ? 1 : 0);
  }

  /** A rule about the block a line opens (a test's body) reports the line that opens it, the first its pattern matches. */
  @Test
  void aMultiLineMatchIsReportedOnItsLastLine() {
    for (Rule rule : CATALOG.rules()) {
      boolean opensBlock = rule.structure().unlessBlock().isPresent() || rule.structure().blockComment().isPresent();
      for (Example example : rule.match()) {
        List<Finding> findings = scan(rule, pathFor(rule, example.language()), example.code());
        assertThat(findings).as("%s on %s", rule.id(), example.code()).singleElement()
            .extracting(Finding::line).isEqualTo(opensBlock ? firstMatching(rule, example) : (int) example.code().lines().count());
      }
    }
  }

  private static int firstMatching(Rule rule, Example example) {
    List<String> lines = example.code().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (rule.pattern().matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return -1;
  }

  @Test
  void aTestRuleDoesNotFireOutsideTestFilesAndASourceRuleNotInsideThem() {
    for (Rule rule : CATALOG.rules()) {
      if (rule.scope() == Scope.ANY) {
        continue;
      }
      // A file that declares tests is a test file by its content, whatever its name.
      Optional<Example> undeclared = rule.match().stream()
          .filter(match -> !TestCounter.declaresTests(match.language(), Lexer.lex(match.language(), match.code())))
          .findFirst();
      if (undeclared.isEmpty()) {
        continue;
      }
      Example example = undeclared.get();
      String wrongPlace = (rule.scope() == Scope.TESTS ? "src/example." : "tests/example_test.") + example.language().extension();
      assertThat(scan(rule, wrongPlace, example.code())).as("%s in %s", rule.id(), wrongPlace).isEmpty();
    }
  }

  @Test
  void everyMatchExampleContainsOneOfItsKeywords() {
    for (Rule rule : CATALOG.rules()) {
      for (Example example : rule.match()) {
        String lower = example.code().toLowerCase(Locale.ROOT);
        assertThat(rule.keywords()).as("keywords of %s for %s", rule.id(), example.code()).anyMatch(lower::contains);
      }
    }
  }

  /**
   * java.util.regex tries each top-level alternative at every character of a line, and a word
   * boundary opening each of them is tested anew each time: {@code \\bA|\\bB} ran five times slower
   * than {@code \\b(?:A|B)} on a large test file's assertion lines. Alternatives that open with
   * one in a row share it; the matches are the same, found in the same order.
   */
  @Test
  void alternativesThatOpenWithAWordBoundaryInARowShareOne() {
    for (Rule rule : CATALOG.rules()) {
      List<Pattern> patterns = new ArrayList<>(List.of(rule.pattern()));
      rule.ifPrevious().ifPresent(patterns::add);
      rule.unlessInside().ifPresent(patterns::add);
      Rule.Structure structure = rule.structure();
      Stream.of(structure.ifInside(), structure.unlessEnclosedBy(), structure.ifAnnotated(), structure.bodyOnly(), structure.bodyComment(),
          structure.unlessBlock(), structure.blockComment(), structure.unlessFile()).flatMap(Optional::stream).forEach(patterns::add);
      for (Pattern pattern : patterns) {
        List<String> alternatives = Patterns.topLevelAlternatives(pattern.pattern());
        for (int i = 1; i < alternatives.size(); i++) {
          assertThat(alternatives.get(i - 1).startsWith("\\b") && alternatives.get(i).startsWith("\\b"))
              .as("%s: %s", rule.id(), pattern.pattern()).isFalse();
        }
      }
    }
  }

  @Test
  void everyRuleHasNearMisses() {
    assertThat(CATALOG.rules()).allSatisfy(rule -> assertThat(rule.noMatch()).as(rule.id()).isNotEmpty());
  }

  @Test
  void theCatalogHasAtLeastFortyFiveRules() {
    assertThat(CATALOG.rules()).hasSizeGreaterThanOrEqualTo(45);
  }

  /** Every language the lexer knows has a hard stub and a test evasion of its own, and the shared soft markers. */
  @ParameterizedTest
  @EnumSource(Language.class)
  void everyLanguageHasARuleOfEveryClass(Language language) {
    Set<RuleClass> classes = CATALOG.rulesFor(language).stream().map(Rule::ruleClass).collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleClass.class)));
    assertThat(classes).as(language.id()).containsExactlyInAnyOrder(RuleClass.values());
  }

  /** The marker of the inline-expectation fixtures must itself be invisible to every rule. */
  @ParameterizedTest
  @EnumSource(Language.class)
  void anExpectationMarkerNamingAnyRuleIsNotAFinding(Language language) {
    String comment = switch (language.syntax()) {
      case HASH -> "# ";
      case DASH -> "-- ";
      case C_LIKE -> "// ";
    };
    String path = "tests/example_test." + language.extension();
    PlaceholderScanner scanner = new PlaceholderScanner(CATALOG, PathFilter.defaults());
    String text = CATALOG.rules().stream().map(rule -> comment + PlaceholderFixtureTest.MARKER + " " + rule.id())
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(scanner.scanText(path, text)).isEmpty();
  }

  @Test
  void everyRuleFileInTheResourcesIsLoaded() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/dev/claimaudit/rules"))) {
      List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
      assertThat(CatalogLoader.BUILT_IN_FILES).containsAll(names);
    }
  }

  @Test
  void theVersionIsADigestOfTheRuleFiles() {
    assertThat(CATALOG.version()).matches("[0-9a-f]{12}").isEqualTo(new CatalogLoader().builtIn().version());
  }
}
