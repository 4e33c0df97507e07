package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.Finding;
import java.util.List;

/** Placeholder code in the added lines, by the rules of the catalog. */
public final class PlaceholderCheck implements Check {

  @Override
  public String name() {
    return "static";
  }

  @Override
  public String summary() {
    return "Finds placeholder code (stubs, test evasion, markers) in the lines the change adds.";
  }

  @Override
  public CheckOutcome run(AuditContext context) {
    List<Finding> findings = context.placeholders();
    long scanned = context.changeSet().files().stream().filter(file -> file.scanned()).count();
    return CheckOutcome.of(findings, scanned + " files scanned with " + context.catalog().rules().size() + " rules");
  }
}
