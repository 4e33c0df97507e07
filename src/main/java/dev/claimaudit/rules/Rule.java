package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Region;
import dev.claimaudit.checks.RuleClass;
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
    List<Example> noMatch) {

  public Rule {
    languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
    keywords = keywords.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
    match = List.copyOf(match);
    noMatch = List.copyOf(noMatch);
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
