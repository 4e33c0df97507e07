package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

  @Test
  void theCommentStartsWithTheMarkerAndTheVerdict() {
    String comment = new MarkdownReporter(null).render(GoldenVerdicts.block());

    assertThat(comment.lines().toList()).startsWith(MarkdownReporter.MARKER, "### ⛔ claim-audit: merge blocked");
    assertThat(comment.indexOf("#### Claims")).isLessThan(comment.indexOf("#### Findings"));
  }

  @Test
  void aHugeVerdictStaysUnderTheCapAndSaysHowManyFindingsItLeftOut() {
    Verdict base = GoldenVerdicts.many();
    List<Finding> findings = new ArrayList<>(base.findings());
    for (int i = 0; i < 3000; i++) {
      findings.add(Finding.builder("js-throw-not-implemented", "static")
          .ruleClass(RuleClass.HARD_STUB)
          .severity(Severity.BLOCK)
          .at(String.format("src/generated/module_%04d.ts", i), 10 + i)
          .message("throw new Error(\"not implemented\")")
          .snippet("throw new Error(\"not implemented: generated stub number " + i + "\");")
          .claim("c1")
          .build());
    }
    Verdict huge = new Verdict(Outcome.BLOCK, base.range(), base.claims(), findings, base.checks(), base.inputs(), base.notes());

    String comment = new MarkdownReporter(ReportersGoldenTest.LINKS).render(huge);

    assertThat(comment.length()).isLessThan(MarkdownReporter.MAX_CHARS);
    Matcher left = Pattern.compile("_(\\d+) findings not shown: this comment is capped at 60,000 characters").matcher(comment);
    assertThat(left.find()).isTrue();
    int shown = (int) comment.lines().filter(line -> line.contains("| ⛔ block |") || line.contains("| ⚠️ warn |")).count();
    long reportable = findings.stream().filter(finding -> !finding.suppressed()).count();
    assertThat(shown + Integer.parseInt(left.group(1))).isEqualTo(reportable);
    assertThat(comment).contains("#### Claims").contains("</details>").endsWith("</sub>\n");
  }

  @Test
  void untrustedTextCannotInjectMarkupOrBreakTheTable() {
    String comment = new MarkdownReporter(null).render(GoldenVerdicts.many());

    assertThat(comment).doesNotContain("<script>").doesNotContain("[a](http").doesNotContain("@alice");
    List<String> claimRows = comment.lines().filter(line -> line.startsWith("| ❔")).toList();
    assertThat(claimRows).hasSize(1);
    assertThat(unescapedPipes(claimRows.get(0))).isEqualTo(6);
    List<String> findingRows = comment.lines().filter(line -> line.startsWith("| 33 |")).toList();
    assertThat(findingRows).hasSize(1);
    assertThat(unescapedPipes(findingRows.get(0))).isEqualTo(5);
  }

  @Test
  void checkFailuresAndSuppressedFindingsAreFoldedAway() {
    String failed = new MarkdownReporter(null).render(GoldenVerdicts.checkFailure());
    String suppressed = new MarkdownReporter(null).render(GoldenVerdicts.many());

    assertThat(failed).contains("<details><summary>⚠️ 1 check could not run").contains("**dynamic**: could not check")
        .contains("**The audit is incomplete:**").doesNotContain("**llm**");
    assertThat(suppressed).contains("<details><summary>1 suppressed finding").contains("abstract base, subclasses implement it");
  }

  @Test
  void anEmptyVerdictSaysItPassedInOneScreen() {
    Verdict empty = GoldenVerdicts.empty();

    String comment = new MarkdownReporter(null).render(empty);

    assertThat(comment).contains("### ✅ claim-audit: passed").contains("no findings · no claims found").doesNotContain("#### Findings");
    assertThat(comment.lines().count()).isLessThan(10);
    assertThat(empty.checks()).extracting(CheckRun::status).containsOnly(CheckRun.Status.RAN);
  }

  private static int unescapedPipes(String row) {
    int count = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
        count++;
      }
    }
    return count;
  }
}
