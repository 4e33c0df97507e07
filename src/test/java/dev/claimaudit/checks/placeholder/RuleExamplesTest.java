package dev.claimaudit.checks.placeholder;

import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.MatchBudget;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Region;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checks a policy's own rules go through: the built-in catalog passes them, broken rules do not. */
class RuleExamplesTest {

  private static Rule rule(String pattern, List<String> keywords, List<String> match, List<String> noMatch) {
    return new Rule("team-stub", EnumSet.of(Language.PYTHON), RuleClass.HARD_STUB, Region.CODE, Pattern.compile(pattern), keywords,
        Rule.Scope.ANY, Optional.empty(), Optional.empty(), "team stub", "why", python(match), python(noMatch));
  }

  private static List<Rule.Example> python(List<String> lines) {
    return lines.stream().map(line -> new Rule.Example(Language.PYTHON, line)).toList();
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
  void theRulesOfOnePolicyShareOneBudgetSoManySlowRulesCannotStallTheAudit() {
    Rule slowish = rule("\\bstub\\s+(\\w+\\s?)+$", List.of("stub"), List.of("stub here"), List.of("stub here!"));
    MatchBudget budget = new MatchBudget(3_000_000);
    Optional<String> problem = Optional.empty();
    int checked = 0;
    while (problem.isEmpty() && checked < 1_000) {
      problem = RuleExamples.problem(slowish, budget);
      checked++;
    }
    assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("used up the budget of all of them together"));
    assertThat(checked).isGreaterThan(1).isLessThan(1_000);
  }

  @Test
  void examplesAreFewAndShort() {
    List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "stub" + i).toList();
    assertThat(RuleExamples.problem(rule("\\bstub", List.of("stub"), many, List.of("y")))).hasValue("match: at most 20 examples, got 21");
    assertThat(RuleExamples.problem(rule("\\bstub", List.of("stub"), List.of("stub"), List.of("y".repeat(501)))))
        .hasValue("noMatch: an example is longer than 500 characters");
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
