package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Region;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A placeholder rule: data from the catalog, validated by {@link CatalogLoader}.
 *
 * @param region where a match must start for the rule to fire
 * @param keywords literals (matched case-insensitively) of which every match contains at least one;
 *     the scanner runs the pattern only on lines that contain one
 * @param scope the files the rule applies to: all, test files only, or all but test files
 * @param ifPrevious when present, the rule fires only if the nearest line above that holds code
 *     matches it (an empty test body under its {@code @Test} line)
 * @param unlessInside when present, the rule does not fire if the line itself, a line enclosing it
 *     (a less indented line above, such as its method or class), or an annotation directly above one
 *     of those matches it (an {@code @abstractmethod}, a class deriving from {@code ABC})
 * @param match examples that must produce a finding
 * @param noMatch near misses that must not
 * @param structure conditions on the code around the line, beyond the line above and the enclosing lines
 */
public record Rule(
    String id,
    Set<Language> languages,
    RuleClass ruleClass,
    Region region,
    Pattern pattern,
    List<String> keywords,
    Scope scope,
    Optional<Pattern> ifPrevious,
    Optional<Pattern> unlessInside,
    String title,
    String rationale,
    List<Example> match,
    List<Example> noMatch,
    Structure structure) {

  public Rule {
    languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    keywords = keywords.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
    match = List.copyOf(match);
    noMatch = List.copyOf(noMatch);
    structure = structure == null ? Structure.NONE : structure;
  }

  /** A rule with no condition on the structure around its line. */
  public Rule(String id, Set<Language> languages, RuleClass ruleClass, Region region, Pattern pattern, List<String> keywords, Scope scope,
      Optional<Pattern> ifPrevious, Optional<Pattern> unlessInside, String title, String rationale, List<Example> match,
      List<Example> noMatch) {
    this(id, languages, ruleClass, region, pattern, keywords, scope, ifPrevious, unlessInside, title, rationale, match, noMatch,
        Structure.NONE);
  }

  /**
   * Conditions on the code around a rule's line, each optional. The block a line opens is the
   * lines below it that are more indented (a test's body under its declaration); the body a line
   * sits in is the block of the nearest less indented line above it (a function's body around
   * its {@code return}).
   *
   * @param ifInside a line enclosing the line must match (the positive twin of {@link Rule#unlessInside()})
   * @param unlessEnclosedBy no line enclosing the line, the line itself left out, may match (a test
   *     function defined inside another function is a helper, not a test)
   * @param ifAnnotated an annotation directly above the line ({@code @Test}, {@code #[test]}, {@code [Fact]}) must match
   * @param bodyOnly every other code line of the body the line sits in must match (closing brackets, a default return)
   * @param bodyComment a comment in the body the line sits in, its own line's included, must match
   * @param unlessBlock no code in the block the line opens may match (a test without an assertion)
   * @param blockComment a comment in the block the line opens must match (an assertion left commented out)
   * @param unlessFile no code of the file may match (an import that makes a name mean something else)
   */
  public record Structure(Optional<Pattern> ifInside, Optional<Pattern> unlessEnclosedBy, Optional<Pattern> ifAnnotated, Optional<Pattern> bodyOnly,
      Optional<Pattern> bodyComment, Optional<Pattern> unlessBlock, Optional<Pattern> blockComment, Optional<Pattern> unlessFile) {
    public static final Structure NONE = new Structure(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether any condition is set. */
    public boolean any() {
      return ifInside.isPresent() || unlessEnclosedBy.isPresent() || ifAnnotated.isPresent() || bodyOnly.isPresent() || bodyComment.isPresent()
          || unlessBlock.isPresent() || blockComment.isPresent() || unlessFile.isPresent();
    }
  }

  public boolean appliesTo(Language language, boolean testFile) {
    return languages.contains(language) && switch (scope) {
      case ANY -> true;
      case TESTS -> testFile;
      case SOURCES -> !testFile;
    };
  }

  /** The first language the rule names, in which its untagged examples are written. */
  public Language primaryLanguage() {
    return languages.iterator().next();
  }

  /** The files a rule applies to. */
  public enum Scope {
    ANY,
    TESTS,
    SOURCES;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A rule example: one or more lines of code in one language. In the catalog an example is a string,
   * optionally starting with a language tag such as {@code [python] } when it is not in the rule's
   * first language.
   */
  public record Example(Language language, String code) {}
}
