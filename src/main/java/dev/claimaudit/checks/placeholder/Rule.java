package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.RuleClass;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A placeholder rule: data from the catalog, validated by {@link CatalogLoader}.
 *
 * @param region where a match must start for the rule to fire
 * @param keywords literals (matched case-insensitively) of which every match contains at least one;
 *     the scanner runs the pattern only on lines that contain one
 * @param testsOnly the rule applies only to test files
 * @param match lines that must produce a finding
 * @param noMatch near misses that must not
 */
public record Rule(
    String id,
    Set<Language> languages,
    RuleClass ruleClass,
    Region region,
    Pattern pattern,
    List<String> keywords,
    boolean testsOnly,
    String title,
    String rationale,
    List<String> match,
    List<String> noMatch) {

  public Rule {
    keywords = keywords.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
  }

  public boolean appliesTo(Language language, boolean testFile) {
    return languages.contains(language) && (!testsOnly || testFile);
  }
}
