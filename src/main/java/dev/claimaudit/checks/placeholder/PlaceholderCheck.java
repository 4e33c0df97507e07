package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
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
  public List<FindingType> findingTypes() {
    return List.of(new FindingType("placeholders-not-listed", "placeholders the change does not own up to",
        "The change discloses that it leaves placeholders (\"stubs remain\", \"WIP\"), but a placeholder it adds is not among those it names.",
        "src/export.ts:14 holds a placeholder the change's list of remaining stubs does not name"));
  }

  @Override
  public CheckOutcome run(AuditContext context) {
    List<Finding> findings = context.placeholders();
    long scanned = context.changeSet().files().stream().filter(file -> file.scanned()).count();
    int rules = context.catalog().rules().size();
    return CheckOutcome.of(findings, scanned + (scanned == 1 ? " file" : " files") + " scanned with " + rules + (rules == 1 ? " rule" : " rules"));
  }
}
