package dev.claimaudit.verdict;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import java.util.List;
import java.util.Locale;

/** The verdict: block if any finding blocks, else warn if any warns, else pass. */
public enum Outcome {
  PASS,
  WARN,
  BLOCK;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome of(List<Finding> findings) {
    Outcome outcome = PASS;
    for (Finding finding : findings) {
      if (finding.severity() == Severity.BLOCK) {
        return BLOCK;
      }
      if (finding.severity() == Severity.WARN) {
        outcome = WARN;
      }
    }
    return outcome;
  }
}
