package dev.claimaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.text.RequiredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The strings a rule's pattern requires of a line are read correctly for every rule of the
 * catalog: no line of its examples, nor a variant of one, in which the pattern finds a match is
 * let go; and most rules require something, or the reading would save nothing.
 */
class RequiredTextCatalogTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  @Test
  void noExampleLineInWhichARulesPatternFindsAMatchIsLetGo() {
    int matched = 0;
    for (Rule rule : CATALOG.rules()) {
      RequiredText required = RequiredText.of(rule.pattern());
      for (String line : exampleLines(rule)) {
        for (String variant : variants(line)) {
          if (rule.pattern().matcher(variant).find()) {
            assertThat(required.mayFind(variant)).as("%s (requires %s) on [%s]", rule.id(), required, variant).isTrue();
            matched++;
          }
        }
      }
    }
    assertThat(matched).as("example lines a pattern matches").isGreaterThan(1_000);
  }

  @Test
  void mostRulesRequireSomethingOfALine() {
    long requiring = CATALOG.rules().stream().filter(rule -> RequiredText.of(rule.pattern()).requiresAnything()).count();

    assertThat(requiring).isGreaterThan(CATALOG.rules().size() * 3L / 4);
  }

  private static List<String> exampleLines(Rule rule) {
    List<String> lines = new ArrayList<>();
    for (Rule.Example example : rule.match()) {
      lines.addAll(example.code().lines().toList());
    }
    for (Rule.Example example : rule.noMatch()) {
      lines.addAll(example.code().lines().toList());
    }
    return lines;
  }

  /** The line, in other case, inside code around it, and with its spaces doubled. */
  private static List<String> variants(String line) {
    return List.of(line, line.toUpperCase(Locale.ROOT), line.toLowerCase(Locale.ROOT), "x(); " + line + " // end", "\t" + line,
        line.replace(" ", "  "), line.replaceAll("(?<=\\S)\\(", " ("));
  }
}
