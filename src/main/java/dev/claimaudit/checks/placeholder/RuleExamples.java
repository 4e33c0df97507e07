package dev.claimaudit.checks.placeholder;

import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.BoundedCharSequence;
import dev.claimaudit.text.MatchBudget;
import dev.claimaudit.checks.PathFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule against its own examples, as the catalog's tests do for the built-in rules: each
 * {@code match} line fires, each {@code noMatch} line does not, and the pattern finishes within
 * the scanner's budget on long hostile lines. Used for rules a policy adds.
 */
public final class RuleExamples {
  /**
   * Length of the probe lines: long enough that exponential backtracking cannot finish, short
   * enough that a merely quadratic pattern (a keyword, then {@code .*}) stays within the budget,
   * as it does on real lines.
   */
  private static final int PROBE_LENGTH = 256;

  /** The most examples of each kind a rule may give, and their longest line: checking them must stay cheap. */
  static final int MAX_EXAMPLES = 20;
  static final int MAX_EXAMPLE_CHARS = 500;

  private RuleExamples() {}

  /** The first way the rule fails its examples or its budget, or empty when it passes. */
  public static Optional<String> problem(Rule rule) {
    return problem(rule, MatchBudget.forPolicy());
  }

  /** {@link #problem(Rule)}, with the probes' reads taken from {@code budget}. */
  public static Optional<String> problem(Rule rule, MatchBudget budget) {
    for (List<Rule.Example> examples : List.of(rule.match(), rule.noMatch())) {
      String field = examples == rule.match() ? "match" : "noMatch";
      if (examples.size() > MAX_EXAMPLES) {
        return Optional.of(field + ": at most " + MAX_EXAMPLES + " examples, got " + examples.size());
      }
      for (Rule.Example example : examples) {
        if (example.code().length() > MAX_EXAMPLE_CHARS) {
          return Optional.of(field + ": an example is longer than " + MAX_EXAMPLE_CHARS + " characters");
        }
      }
    }
    if (rule.match().isEmpty()) {
      return Optional.of("match: must list at least one line the rule finds");
    }
    if (rule.noMatch().isEmpty()) {
      return Optional.of("noMatch: must list at least one near miss the rule must not find");
    }
    for (Rule.Example example : rule.match()) {
      String code = example.code();
      String lower = code.toLowerCase(Locale.ROOT);
      if (rule.keywords().stream().noneMatch(lower::contains)) {
        return Optional.of("match: example \"" + code + "\" contains none of the keywords, so the scanner would never try the pattern on it");
      }
      Optional<String> cost = budget(rule, code, budget);
      if (cost.isPresent()) {
        return cost;
      }
      if (!fires(rule, example)) {
        return Optional.of("match: the rule does not find \"" + code + "\"");
      }
    }
    for (Rule.Example example : rule.noMatch()) {
      Optional<String> cost = budget(rule, example.code(), budget);
      if (cost.isPresent()) {
        return cost;
      }
      if (fires(rule, example)) {
        return Optional.of("noMatch: the rule finds \"" + example.code() + "\", which it must not");
      }
    }
    for (String probe : probes(rule)) {
      Optional<String> cost = budget(rule, probe, budget);
      if (cost.isPresent()) {
        return cost;
      }
    }
    return Optional.empty();
  }

  private static boolean fires(Rule rule, Rule.Example example) {
    PlaceholderScanner scanner = new PlaceholderScanner(new Catalog(List.of(rule), "examples"), new PathFilter(List.of()));
    String path = (rule.scope() == Rule.Scope.TESTS ? "tests/example_test." : "src/example.") + example.language().extension();
    return scanner.scanText(path, example.code() + "\n").stream().anyMatch(finding -> finding.rule().equals(rule.id()));
  }

  private static Optional<String> budget(Rule rule, String line, MatchBudget budget) {
    Matcher matcher = rule.pattern().matcher(new BoundedCharSequence(line, budget));
    try {
      // One search, as the scanner makes for a line whose first match is in the right region: a
      // line that does not match at all makes it try every start position.
      matcher.find();
      return Optional.empty();
    } catch (BoundedCharSequence.BudgetExceeded e) {
      return Optional.of("pattern backtracks too much: matching a " + line.length()
          + "-character line exceeded the scanner's budget; avoid nested or overlapping repetition such as (a+)+");
    } catch (StackOverflowError e) {
      return Optional.of("pattern recurses too deeply on a " + line.length() + "-character line; simplify its repetition");
    } catch (BoundedCharSequence.SharedBudgetSpent e) {
      return Optional.of("pattern: checking this policy's rules used up the budget of all of them together; simplify the patterns or drop rules");
    }
  }

  /** Long lines built from the rule's own vocabulary, the inputs on which a backtracking pattern blows up. */
  private static List<String> probes(Rule rule) {
    List<String> probes = new ArrayList<>();
    for (String keyword : rule.keywords()) {
      probes.add(keyword + "a".repeat(PROBE_LENGTH) + "!");
      probes.add(keyword + " ".repeat(PROBE_LENGTH) + "!");
      probes.add(keyword + "(" + "a,".repeat(PROBE_LENGTH / 2) + "!");
      probes.add(repeat(keyword + " ", PROBE_LENGTH) + "!");
    }
    for (Rule.Example example : rule.match()) {
      String code = example.code();
      if (!code.isBlank()) {
        probes.add(repeat(code, PROBE_LENGTH));
        probes.add(repeat(code.substring(0, code.length() - 1), PROBE_LENGTH) + "\u0000");
        // Each character of a line the rule finds, pumped: the classic way to make a nested
        // repetition try every split of a long run.
        for (int i = 0; i < Math.min(code.length(), 120); i++) {
          probes.add(code.substring(0, i + 1) + String.valueOf(code.charAt(i)).repeat(PROBE_LENGTH) + "\u0000");
        }
      }
    }
    probes.add("a".repeat(PROBE_LENGTH) + "!");
    probes.add("0".repeat(PROBE_LENGTH) + "!");
    return probes;
  }

  private static String repeat(String unit, int length) {
    if (unit.isEmpty()) {
      return "";
    }
    return unit.repeat(Math.max(1, length / unit.length()));
  }
}
