package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.RuleClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A line is compared with removed lines in one normal form: no white space, no comma a bracket
 * closes, no trailing comma or semicolon; each removed line, or pair of them, accounts for the
 * first finding that is it or its reflowed tail.
 */
class MovedPlaceholdersTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  @Test
  void aLineIsReadWithoutItsWhiteSpaceAndItsLooseCommas() {
    assertThat(MovedPlaceholders.normal("  foo(a, b,\t)  ;")).isEqualTo("foo(a,b)");
    assertThat(MovedPlaceholders.normal("todo!(),")).isEqualTo("todo!()");
    assertThat(MovedPlaceholders.normal("[1, 2,]\r")).isEqualTo("[1,2]");
    assertThat(MovedPlaceholders.normal("a,,;,")).isEqualTo("a");
    assertThat(MovedPlaceholders.normal("f(x;,)")).isEqualTo("f(x;)");
    assertThat(MovedPlaceholders.normal("")).isEmpty();
  }

  /** The normal form as two replacements by pattern state it; the one pass must agree on any line. */
  @Test
  void theOnePassAgreesWithThePatternsThatDefineTheForm() {
    Pattern space = Pattern.compile("\\s+");
    Pattern looseComma = Pattern.compile(",(?=[)\\]}>])|[,;]+$");
    String alphabet = " \t\r\f\u000B,;)]}>(a";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = looseComma.matcher(space.matcher(line).replaceAll("")).replaceAll("");
      assertThat(MovedPlaceholders.normal(line.toString())).as("[%s]", line).isEqualTo(expected);
      int cut = random.nextInt(line.length() + 1);
      assertThat(MovedPlaceholders.normal(line.substring(0, cut), line.substring(cut))).as("[%s] cut at %d", line, cut).isEqualTo(expected);
    }
  }

  /**
   * The removed lines are looked up by their text and their last characters; the findings kept
   * must be those that comparing each finding with every removed line in order keeps.
   */
  @Test
  void theLookupKeepsWhatReadingEveryRemovedLineInOrderKeeps() {
    MovedPlaceholders reader = new MovedPlaceholders(CATALOG);
    String[] pieces = {"todo!()", "x.", "raise NotImplementedError", "foo(", ")", "bar", ", ", "// TODO later", "];", "=", "ok"};
    Random random = new Random(13);
    for (int n = 0; n < 3_000; n++) {
      List<String> removed = lines(random, pieces, 12);
      List<String> snippets = lines(random, pieces, 8);
      MovedPlaceholders moved = new MovedPlaceholders(CATALOG);
      moved.collect(removed);
      List<Finding> findings = new ArrayList<>();
      for (String snippet : snippets) {
        findings.add(Finding.builder("todo-marker", "static").ruleClass(RuleClass.SOFT_MARKER).severity(Severity.WARN).at("a.rs", findings.size() + 1)
            .message("m").snippet(snippet).build());
      }

      assertThat(moved.withoutMoved(findings).stream().map(Finding::line).toList()).as("%s / %s", removed, snippets)
          .isEqualTo(keptByReadingInOrder(removed, findings, reader));
    }
  }

  /** Many removed lines, many the same: each finding still takes one, the first of its text. */
  @Test
  void aLargeRemovalAccountsForEachMovedLineOnce() {
    MovedPlaceholders moved = new MovedPlaceholders(CATALOG);
    List<String> removed = new ArrayList<>();
    for (int n = 0; n < 200_000; n++) {
      removed.add(n % 2 == 0 ? "    todo!()" : "    # TODO step " + n);
    }
    moved.collect(removed);
    List<Finding> findings = new ArrayList<>();
    for (String snippet : List.of("todo!()", "todo!()", "# TODO step 199999", "# TODO step 199999", "# TODO step 7")) {
      findings.add(Finding.builder("todo-marker", "static").ruleClass(RuleClass.SOFT_MARKER).severity(Severity.WARN).at("a.rs", findings.size() + 1)
          .message("m").snippet(snippet).build());
    }

    assertThat(moved.withoutMoved(findings).stream().map(Finding::line).toList()).containsExactly(4);
  }

  private static List<String> lines(Random random, String[] pieces, int most) {
    List<String> lines = new ArrayList<>();
    for (int count = random.nextInt(most); count > 0; count--) {
      StringBuilder line = new StringBuilder();
      for (int length = 1 + random.nextInt(4); length > 0; length--) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The matching as first written: every finding compared with every removed line left, in order. */
  private static List<Integer> keptByReadingInOrder(List<String> removedLines, List<Finding> findings, MovedPlaceholders reader) {
    List<String> left = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    String previous = null;
    for (String line : removedLines) {
      if (reader.holdsKeyword(line)) {
        left.add(MovedPlaceholders.normal(line));
        if (previous != null) {
          pairs.add(MovedPlaceholders.normal(previous + line));
        }
      }
      previous = line;
    }
    List<Integer> kept = new ArrayList<>();
    for (Finding finding : findings) {
      String line = MovedPlaceholders.normal(finding.snippet());
      if (line.isEmpty() || !(removeFirstEqual(line, left) || removeFirstReflowed(line, left) || removeFirstReflowed(line, pairs))) {
        kept.add(finding.line());
      }
    }
    return kept;
  }

  private static boolean removeFirstEqual(String line, List<String> left) {
    return left.remove(line);
  }

  private static boolean removeFirstReflowed(String line, List<String> left) {
    for (int i = 0; i < left.size(); i++) {
      String removed = left.get(i);
      if (line.length() < removed.length() && removed.endsWith(line)
          && (")]}.,:=-+*/&|?>".indexOf(line.charAt(0)) >= 0 || line.length() >= MovedPlaceholders.MIN_PART)) {
        left.remove(i);
        return true;
      }
    }
    return false;
  }
}
