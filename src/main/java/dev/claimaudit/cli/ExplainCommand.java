package dev.claimaudit.cli;

import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogDocs;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.rules.Rule.Example;
import dev.claimaudit.report.Text;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code audit explain RULE}: what one rule finds, why, its examples, and how to suppress a finding. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Explains one placeholder rule: what it finds and why, examples that match and near misses that do not, and how to suppress a finding.",
    footerHeading = "%nExamples:%n",
    footer = {"  audit explain rs-todo-macro"})
final class ExplainCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Parameters(index = "0", paramLabel = "RULE", description = "A rule id, as listed by audit rules.")
  String id;

  ExplainCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Catalog catalog = new CatalogLoader().builtIn();
    Rule rule = catalog.rule(id).orElseThrow(() -> new BadInputException(unknown(catalog)));
    io.out().print(explain(rule));
    io.out().flush();
    return ExitCode.OK.code();
  }

  private String unknown(Catalog catalog) {
    List<String> near = catalog.rules().stream().map(Rule::id)
        .filter(candidate -> !id.isBlank() && (candidate.contains(id) || id.contains(candidate))).limit(3).toList();
    return "unknown rule '" + Text.line(id, 80) + "'" + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")
        + "; audit rules lists them";
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
