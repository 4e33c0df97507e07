package dev.claimaudit.claims;

import dev.claimaudit.claims.ClaimSubject.Absence;
import dev.claimaudit.claims.ClaimSubject.Enumeration;
import dev.claimaudit.claims.ClaimSubject.File;
import dev.claimaudit.claims.ClaimSubject.FileCount;
import dev.claimaudit.claims.ClaimSubject.Status;
import dev.claimaudit.claims.ClaimSubject.Symbol;
import dev.claimaudit.claims.ClaimSubject.Tests;
import java.util.Locale;

/** A compact, readable spelling of a claim for table-driven tests, e.g. {@code status/strong} or {@code file/added/src/a.rs}. */
final class ClaimNotation {
  private ClaimNotation() {}

  static String of(Claim claim) {
    ClaimSubject subject = claim.subject();
    String strength = claim.strength() == Strength.HEDGED ? "~" : "";
    if (subject instanceof Status) {
      return strength + "status/" + claim.strength().id();
    } else if (subject instanceof File file) {
      return strength + "file/" + file.action().name().toLowerCase(Locale.ROOT) + "/" + file.path();
    } else if (subject instanceof FileCount count) {
      return strength + "files/" + count.added() + "+" + count.updated();
    } else if (subject instanceof Symbol symbol) {
      return strength + "symbol/" + symbol.name() + "@" + (symbol.file() == null ? "-" : symbol.file());
    } else if (subject instanceof Tests tests) {
      StringBuilder text = new StringBuilder(strength + "tests/");
      if (tests.added() >= 0) {
        text.append("added=").append(tests.added()).append(',');
      }
      if (tests.passed() >= 0) {
        text.append("passed=").append(tests.passed()).append(',');
      }
      if (tests.failed() >= 0) {
        text.append("failed=").append(tests.failed()).append(',');
      }
      if (tests.allPass()) {
        text.append("all,");
      }
      if (text.charAt(text.length() - 1) == ',') {
        text.setLength(text.length() - 1);
      }
      return text + (tests.file() == null ? "" : "@" + tests.file());
    } else if (subject instanceof Absence absence) {
      return strength + "absence/" + absence.target().name().toLowerCase(Locale.ROOT);
    } else if (subject instanceof Enumeration enumeration) {
      return strength + "enum/" + enumeration.count() + "/" + enumeration.items().size();
    }
    throw new IllegalArgumentException("unknown subject " + subject);
  }
}
