package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.Check;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Placeholder code in the added lines, by the rules of the catalog. */
public final class PlaceholderCheck implements Check {
  /** Unscanned files named in the note; the rest are counted. */
  private static final int NAMED = 3;

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
    String note = scanned + (scanned == 1 ? " file" : " files") + " scanned with " + rules + (rules == 1 ? " rule" : " rules");
    Map<String, String> unscanned = context.unscanned();
    if (!unscanned.isEmpty()) {
      String named = unscanned.entrySet().stream().limit(NAMED)
          .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", "));
      note += "; " + unscanned.size() + " changed file" + (unscanned.size() == 1 ? "" : "s") + " not scanned: " + named
          + (unscanned.size() > NAMED ? " and " + (unscanned.size() - NAMED) + " more" : "");
    }
    return CheckOutcome.of(findings, note);
  }
}
