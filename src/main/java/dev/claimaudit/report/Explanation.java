package dev.claimaudit.report;

import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Says in plain words what a finding means, for formats read one finding at a time (an inline
 * review comment, a log annotation): what was found, why it matters, the claim it contradicts,
 * and the suppression that covers it.
 */
final class Explanation {
  private final RuleDocs rules;
  private final Map<String, Claim> claims = new HashMap<>();

  Explanation(Verdict verdict, RuleDocs rules) {
    this.rules = rules;
    for (ClaimResult result : verdict.claims()) {
      claims.put(result.claim().id(), result.claim());
    }
  }

  /** One paragraph, without line breaks; untrusted parts are cut to a readable length. */
  String of(Finding finding) {
    StringBuilder text = new StringBuilder(Text.line(finding.message(), 400));
    RuleDoc doc = rules.describe(finding.rule());
    if (!doc.description().isBlank() && !doc.description().equals(finding.message())) {
      text.append(endSentence(text)).append(doc.description());
    }
    if (!finding.rule().startsWith("claim-")) {
      claim(finding).ifPresent(claim -> text.append(endSentence(text)).append("It contradicts the claim \"")
          .append(Text.line(claim.text(), 160)).append("\" (").append(source(claim)).append(")."));
    }
    if (finding.suppression() != null) {
      String reason = finding.suppression().reason().isBlank() ? "no reason given" : Text.line(finding.suppression().reason(), 200);
      text.append(endSentence(text)).append("Suppressed inline: ").append(reason).append('.');
    }
    return text.toString();
  }

  Optional<Claim> claim(Finding finding) {
    return finding.claim() == null ? Optional.empty() : Optional.ofNullable(claims.get(finding.claim()));
  }

  /** Where a claim was read: {@code PR title}, {@code PR body, line 3}, {@code commit 93e3366}. */
  static String source(Claim claim) {
    String source = claim.source();
    if (source.startsWith("commit:")) {
      return "commit " + Texts.shortSha(source.substring("commit:".length()));
    }
    return switch (source) {
      case "pr-title" -> "PR title";
      case "pr-body" -> "PR body, line " + claim.line();
      default -> Text.line(source, 60);
    };
  }


  private static String endSentence(StringBuilder text) {
    char last = text.length() == 0 ? '.' : text.charAt(text.length() - 1);
    return last == '.' || last == '!' || last == '?' ? " " : ". ";
  }
}
