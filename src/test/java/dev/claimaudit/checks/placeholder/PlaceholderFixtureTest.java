package dev.claimaudit.checks.placeholder;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.lang.Region;
import dev.claimaudit.lang.Source;
import dev.claimaudit.lang.Sources;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inline-expectation fixtures, one or more per language, under {@code fixtures/placeholders/}: the
 * line before each line that must produce a finding carries {@code AUDIT-EXPECT: rule-id} in the
 * language's own comment. Every other line, near misses included, must produce nothing. A fixture
 * is scanned with every line counted as added, at its path below that folder ({@code tests/…} is a
 * test file, {@code src/…} is not). A file whose code sits in another format (a notebook, a Vue
 * component, a Makefile) marks the line of its code that follows the expectation.
 */
public class PlaceholderFixtureTest {
  public static final String MARKER = "AUDIT-EXPECT:";
  private static final Pattern EXPECTATION = Pattern.compile(Pattern.quote(MARKER) + "\\s*([a-z0-9-]+)");
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/placeholders");
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      return files.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  /** The repository path a fixture stands for. */
  private static String pathOf(Path fixture) {
    return FIXTURES.relativize(fixture).toString().replace('\\', '/');
  }

  /** What a fixture expects, and what the scanner found in it, as {@code line: rule} entries. */
  private record Outcome(Set<String> expected, Set<String> found, List<Finding> findings) {}

  private static Outcome outcome(Path fixture) throws IOException {
    String content = Files.readString(fixture, StandardCharsets.UTF_8);
    String path = pathOf(fixture);
    Source source = Sources.read(path, content).source().orElseThrow(() -> new AssertionError(fixture + " holds no code the scanner reads"));
    LexedText lexed = Lexer.lex(source.language(), source.text());
    Set<String> expected = new TreeSet<>();
    for (int line = 1; line <= lexed.lineCount(); line++) {
      Matcher matcher = EXPECTATION.matcher(lexed.line(line));
      if (matcher.find()) {
        assertThat(lexed.regionAt(line, matcher.start())).as("%s:%d: the expectation must be in a comment", fixture, line)
            .isEqualTo(Region.COMMENT);
        assertThat(CATALOG.rule(matcher.group(1))).as("%s:%d: rule %s exists", fixture, line, matcher.group(1)).isPresent();
        expected.add(key(source.fileLine(line + 1), matcher.group(1)));
      }
    }
    List<Finding> findings = new PlaceholderScanner(CATALOG, PathFilter.defaults()).scanText(path, content);
    Set<String> found = findings.stream().map(finding -> key(finding.line(), finding.rule())).collect(Collectors.toCollection(TreeSet::new));
    return new Outcome(expected, found, findings);
  }

  private static String key(int line, String rule) {
    return String.format("%4d: %s", line, rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyFindingIsExpectedAndEveryExpectationIsFound(Path fixture) throws IOException {
    Outcome outcome = outcome(fixture);
    Set<String> missing = new TreeSet<>(outcome.expected());
    missing.removeAll(outcome.found());
    Set<String> unexpected = new TreeSet<>(outcome.found());
    unexpected.removeAll(outcome.expected());
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      fail("%s%nmissing (expected, not found):%n%s%nunexpected (found, not marked):%n%s%nall findings:%n%s", fixture,
          lines(missing), lines(unexpected), outcome.findings().stream()
              .map(finding -> key(finding.line(), finding.rule()) + "  " + finding.snippet()).collect(Collectors.joining("\n")));
    }
    assertThat(outcome.expected()).as("%s marks at least one finding", fixture).isNotEmpty();
  }

  private static String lines(Set<String> entries) {
    return entries.isEmpty() ? "  (none)" : entries.stream().map(entry -> "  " + entry).collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyLanguageHasAFixture(Language language) throws IOException {
    Optional<Path> fixture = fixtures().filter(path -> Language.of(path.getFileName().toString()).orElse(null) == language).findFirst();
    assertThat(fixture).as("a fixture for %s", language.id()).isPresent();
  }

  @Test
  void everyRuleIsExpectedSomewhere() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Path fixture : fixtures().toList()) {
      outcome(fixture).expected().forEach(entry -> expected.add(entry.substring(entry.indexOf(": ") + 2)));
    }
    List<String> never = new ArrayList<>();
    for (Rule rule : CATALOG.rules()) {
      if (!expected.contains(rule.id())) {
        never.add(rule.id());
      }
    }
    assertThat(never).as("rules that no fixture expects").isEmpty();
  }
}
