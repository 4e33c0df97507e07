package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.RuleClass;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checks a policy's own rules go through: the built-in catalog passes them, broken rules do not. */
class RuleExamplesTest {

  private static Rule rule(String pattern, List<String> keywords, List<String> match, List<String> noMatch) {
    return new Rule("team-stub", EnumSet.of(Language.PYTHON), RuleClass.HARD_STUB, Region.CODE, Pattern.compile(pattern), keywords, false,
        "team stub", "why", match, noMatch);
  }

  @Test
  void everyBuiltInRulePassesTheChecksACustomRuleMustPass() {
    for (Rule rule : new CatalogLoader().builtIn().rules()) {
      assertThat(RuleExamples.problem(rule)).as(rule.id()).isEmpty();
    }
  }

  @Test
  void aRuleThatPassesItsExamplesAndFinishesInBudgetHasNoProblem() {
    assertThat(RuleExamples.problem(rule("\\bteam_stub\\s*\\(", List.of("team_stub"), List.of("team_stub()"), List.of("# team_stub()"))))
        .isEmpty();
  }

  @Test
  void aPatternThatBacktracksExponentiallyIsRefused() {
    assertThat(RuleExamples.problem(rule("\\bstub\\s+(x+x+)+y", List.of("stub"), List.of("stub xxy"), List.of("stub y"))))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("pattern backtracks too much"));
  }

  @Test
  void examplesMustBeGivenAndMustHold() {
    assertThat(RuleExamples.problem(rule("x", List.of("x"), List.of(), List.of("y")))).hasValue("match: must list at least one line the rule finds");
    assertThat(RuleExamples.problem(rule("x", List.of("x"), List.of("x"), List.of())))
        .hasValue("noMatch: must list at least one near miss the rule must not find");
    assertThat(RuleExamples.problem(rule("\\bstub\\b", List.of("stub"), List.of("# stub"), List.of("y"))))
        .hasValue("match: the rule does not find \"# stub\"");
    assertThat(RuleExamples.problem(rule("\\bstub\\b", List.of("stub"), List.of("stub"), List.of("stub = 1"))))
        .hasValue("noMatch: the rule finds \"stub = 1\", which it must not");
  }
}
