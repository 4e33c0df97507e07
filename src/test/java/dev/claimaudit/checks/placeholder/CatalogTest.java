package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the built-in catalog against its own examples: each match fires, each near miss does not. */
class CatalogTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();
  private static final Pattern TAG = Pattern.compile("^\\[(\\w+)\\] ");

  static Stream<Arguments> examples() {
    List<Arguments> cases = new ArrayList<>();
    for (Rule rule : CATALOG.rules()) {
      rule.match().forEach(example -> cases.add(Arguments.of(rule.id(), language(rule, example), code(example), true)));
      rule.noMatch().forEach(example -> cases.add(Arguments.of(rule.id(), language(rule, example), code(example), false)));
    }
    return cases.stream();
  }

  /** An example is written in the rule's first language unless it starts with a tag such as {@code [python]}. */
  private static Language language(Rule rule, String example) {
    Matcher tag = TAG.matcher(example);
    return tag.lookingAt() ? Language.parse(tag.group(1)) : rule.languages().iterator().next();
  }

  private static String code(String example) {
    return TAG.matcher(example).replaceFirst("");
  }

  @ParameterizedTest(name = "{0} [{1}] {3}: {2}")
  @MethodSource("examples")
  void ruleFiresOnItsMatchesAndNotOnItsNearMisses(String id, Language language, String line, boolean fires) {
    Rule rule = CATALOG.rule(id).orElseThrow();
    PlaceholderScanner scanner = new PlaceholderScanner(new Catalog(List.of(rule), "test"), PathFilter.defaults());
    String path = (rule.testsOnly() ? "tests/example_test." : "src/example.") + language.extension();
    List<Finding> findings = scanner.scanText(path, line + "\n");
    assertThat(findings).as("%s on %s", id, line).hasSize(fires ? 1 : 0);
  }

  @Test
  void everyMatchExampleContainsOneOfItsKeywords() {
    for (Rule rule : CATALOG.rules()) {
      for (String example : rule.match()) {
        String lower = code(example).toLowerCase(Locale.ROOT);
        assertThat(rule.keywords()).as("keywords of %s for %s", rule.id(), example).anyMatch(lower::contains);
      }
    }
  }

  @Test
  void everyRuleHasExamplesOfBothKinds() {
    assertThat(CATALOG.rules()).allSatisfy(rule -> {
      assertThat(rule.match()).as(rule.id()).isNotEmpty();
      assertThat(rule.noMatch()).as(rule.id()).isNotEmpty();
    });
  }
}
