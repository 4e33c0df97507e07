package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
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
    assertThat(comment.indexOf("#### Findings")).as("findings lead").isLessThan(comment.indexOf("#### Claims"));
    assertThat(comment.indexOf("#### Claims")).isLessThan(comment.indexOf("#### What to do"));
    assertThat(comment).contains("<br>added in `5d1e0f2`").contains("`claim-audit: allow(rs-todo-macro) reason`");
  }

  @Test
  void aPassingChangeGetsThreeLines() {
    Verdict passed = new Verdict(Outcome.PASS, GoldenVerdicts.checkFailure().range(), GoldenVerdicts.checkFailure().claims(), List.of(),
        GoldenVerdicts.empty().checks(), GoldenVerdicts.checkFailure().inputs(), List.of());

    String comment = new MarkdownReporter(null).render(passed);

    assertThat(comment.lines().toList()).hasSize(3).startsWith(MarkdownReporter.MARKER, "### ✅ claim-audit: passed");
    assertThat(comment.lines().toList().get(2)).startsWith("no findings · 1 claim checked, none contradicted · 2 commits in `main..feature`");
  }

  @Test
  void aSentenceThatMakesSeveralClaimsIsOneRowContradictedWhenAnyOfThemIs() {
    Claim status = new Claim("c1", ClaimKind.STATUS, Strength.NORMAL, "Adds src/export.ts, done", "pr-body", 2, new ClaimSubject.Status("done"));
    Claim file = new Claim("c2", ClaimKind.FILE, Strength.NORMAL, "Adds src/export.ts, done", "pr-body", 2, new ClaimSubject.Status("done"));
    Claim other = new Claim("c3", ClaimKind.TEST, Strength.NORMAL, "Tests pass", "pr-body", 3, new ClaimSubject.Status("done"));
    Verdict base = GoldenVerdicts.block();
    Verdict verdict = new Verdict(Outcome.BLOCK, base.range(), List.of(ClaimResult.of(status, ClaimStatus.BACKED, "no placeholder"),
        ClaimResult.of(other, ClaimStatus.BACKED, "2 tests counted"),
        ClaimResult.of(file, ClaimStatus.CONTRADICTED, "src/export.ts does not exist at head")), base.findings(), base.checks(), base.inputs(), List.of());

    String comment = new MarkdownReporter(null).render(verdict);

    List<String> rows = comment.lines().filter(line -> line.startsWith("| ❌") || line.startsWith("| ✅")).toList();
    assertThat(rows).containsExactly(
        "| ❌ | Adds src/export.ts, done | PR body, line 2 | file: src/export.ts does not exist at head; status: no placeholder |",
        "| ✅ | Tests pass | PR body, line 3 | 2 tests counted |");
    assertThat(comment).contains("**1 of 2 claims contradicted**").contains("<details><summary>1 other claim: 1 backed</summary>");
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
    assertThat(unescapedPipes(claimRows.get(0))).isEqualTo(5);
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
