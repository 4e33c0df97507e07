package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogDocs;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.rules.Rule.Example;
import dev.claimaudit.report.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code audit explain RULE}: what one rule finds, why, its examples, and how to suppress a finding. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Explains any finding the audit can report: a placeholder rule (what it finds and why, examples that match and near "
        + "misses that do not) or the finding of another check (what it means, an example); and how to suppress or configure it.",
    footerHeading = "%nExamples:%n",
    footer = {"  audit explain rs-todo-macro", "  audit explain claim-file-contradicted", "",
        "Exit codes: 0 explained, 2 unknown id (the nearest ids are suggested)."})
final class ExplainCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "ID", description = "A rule or finding id, as listed by audit rules or shown in a report.")
  String id;

  ExplainCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Catalog catalog = new CatalogLoader().builtIn();
    FindingRegistry registry = FindingRegistry.builtIn();
    Optional<Rule> rule = catalog.rule(id);
    Optional<FindingType> type = registry.type(id);
    if (rule.isPresent()) {
      io.out().print(explain(rule.get()));
    } else if (type.isPresent()) {
      io.out().print(explain(type.get()));
    } else {
      List<String> ids = new ArrayList<>(registry.ids());
      catalog.rules().forEach(known -> ids.add(known.id()));
      throw new BadInputException(unknown(id, ids));
    }
    io.out().flush();
    return ExitCode.OK.code();
  }

  /** The error for an id nobody declared, with the nearest ids: those holding it (or held by it) first, then by edit distance. */
  static String unknown(String id, List<String> known) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    List<String> near = known.stream()
        .filter(candidate -> !wanted.isEmpty()
            && (candidate.contains(wanted) || wanted.contains(candidate) || distance(candidate, wanted) <= Math.max(2, wanted.length() / 3)))
        .sorted(Comparator.comparingInt((String candidate) -> distance(candidate, wanted)).thenComparing(candidate -> candidate))
        .limit(3)
        .toList();
    return "unknown rule '" + Text.line(id, 80) + "'" + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")
        + "; audit rules lists them";
  }

  /** Levenshtein distance, on ids of at most a hundred characters. */
  static int distance(String a, String b) {
    if (a.length() > 100 || b.length() > 100) {
      return Integer.MAX_VALUE / 2;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A finding that is not a catalog rule: what it means, what one says, and how to quiet it. */
  static String explain(FindingType type) {
    return type.id() + ": " + safe(type.title()) + "\n\n" + safe(type.rationale()) + "\n\nFor example:\n  " + safe(type.example()) + "\n"
        + "\nTo suppress one finding on a line, put this comment on that line or the line above, with the reason;\n"
        + "the finding is still reported, at severity info:\n  claim-audit: allow(" + type.id() + ") <reason>\n"
        + "\nTo change its severity, or turn it off, for the whole repository (.claim-audit.yml at the base branch):\n"
        + "  rules:\n    " + type.id() + ": warn    # block, warn, info or off\n";
  }

  static String explain(Rule rule) {
    StringBuilder out = new StringBuilder();
    out.append(rule.id()).append(": ").append(safe(rule.title())).append("\n\n");
    field(out, "class", rule.ruleClass().id());
    field(out, "languages", CatalogDocs.languages(rule));
    field(out, "looks in", CatalogDocs.region(rule) + ", " + CatalogDocs.files(rule));
    field(out, "pattern", safe(rule.pattern().pattern()));
    rule.ifPrevious().ifPresent(pattern -> field(out, "only after", "a code line matching " + safe(pattern.pattern())));
    rule.unlessInside().ifPresent(pattern -> field(out, "not inside", "a line or annotation matching " + safe(pattern.pattern())));
    out.append("\n").append(safe(rule.rationale())).append("\n");
    examples(out, "Finds:", rule.match(), rule);
    examples(out, "Leaves alone:", rule.noMatch(), rule);
    out.append("\nTo suppress one finding, put this comment on its line or the line above, with the reason;\n")
        .append("the finding is still reported, at severity info:\n  ").append(CatalogDocs.suppression(rule)).append("\n");
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(String.format("  %-11s%s%n", name, value));
  }

  private static void examples(StringBuilder out, String heading, List<Example> examples, Rule rule) {
    if (examples.isEmpty()) {
      return;
    }
    out.append("\n").append(heading).append("\n");
    for (Example example : examples) {
      String tag = example.language() == rule.primaryLanguage() ? "" : " (" + example.language().id() + ")";
      List<String> lines = safe(CatalogDocs.dedent(example.code())).lines().toList();
      out.append("  - ").append(lines.get(0)).append(lines.size() == 1 ? tag : "").append("\n");
      for (int i = 1; i < lines.size(); i++) {
        out.append("    ").append(lines.get(i)).append(i == lines.size() - 1 ? tag : "").append("\n");
      }
    }
  }

  private static String safe(String text) {
    return Text.safe(text, false);
  }
}
