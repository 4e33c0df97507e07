package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogDocs;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.lang.Language;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.rules.Rule.Example;
import dev.claimaudit.report.Text;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit rules}: the placeholder rule catalog, as a table, as JSON, or as the Markdown of docs/rules.md. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Lists the placeholder rules (id, class, languages and title), then the findings the other checks report (id and title).",
    footerHeading = "%nExamples:%n",
    footer = {"  audit rules", "  audit rules --format json | jq length", "  " + CatalogDocs.REGENERATE})
final class RulesCommand implements Callable<Integer> {
  /** The output formats of {@code audit rules}. */
  enum Format { TEXT, JSON, MARKDOWN }

  private final Io io;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or markdown (default: text).")
  Format format = Format.TEXT;

  RulesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Catalog catalog = new CatalogLoader().builtIn();
    List<FindingType> types = FindingRegistry.builtIn().types();
    io.out().print(switch (format) {
      case TEXT -> table(catalog.rules()) + "\n" + findingTable(types);
      case JSON -> json(catalog.rules(), types);
      case MARKDOWN -> CatalogDocs.markdown(catalog) + markdown(types);
    });
    io.out().flush();
    return ExitCode.OK.code();
  }

  static String table(List<Rule> rules) {
    int idWidth = "ID".length();
    int languagesWidth = "LANGUAGES".length();
    for (Rule rule : rules) {
      idWidth = Math.max(idWidth, rule.id().length());
      languagesWidth = Math.max(languagesWidth, CatalogDocs.languages(rule).length());
    }
    String format = "%-" + idWidth + "s  %-12s  %-" + languagesWidth + "s  %s%n";
    StringBuilder out = new StringBuilder(String.format(format, "ID", "CLASS", "LANGUAGES", "TITLE"));
    for (Rule rule : rules) {
      out.append(String.format(format, rule.id(), rule.ruleClass().id(), CatalogDocs.languages(rule), Text.line(rule.title(), 200)));
    }
    return out.toString();
  }

  /** The findings of the other checks, as a second table. */
  static String findingTable(List<FindingType> types) {
    int idWidth = types.stream().mapToInt(type -> type.id().length()).max().orElse(2);
    String format = "%-" + idWidth + "s  %s%n";
    StringBuilder out = new StringBuilder("Findings of the other checks:\n").append(String.format(format, "ID", "TITLE"));
    for (FindingType type : types) {
      out.append(String.format(format, type.id(), Text.line(type.title(), 200)));
    }
    return out.toString();
  }

  /** The part of docs/rules.md about the findings that are not placeholder rules. */
  static String markdown(List<FindingType> types) {
    StringBuilder out = new StringBuilder("\n## Findings of the other checks\n\n");
    out.append("Besides the placeholder rules, the checks report these findings. A policy's `rules:` sets their severity\n")
        .append("or turns them off like any rule's, and `bin/audit explain ID` explains each.\n");
    for (FindingType type : types) {
      out.append("\n### ").append(type.id()).append("\n\n**").append(type.title()).append("**. ").append(type.rationale()).append("\n\n")
          .append("Example: ").append(type.example()).append("\n");
    }
    return out.toString();
  }

  static String json(List<Rule> rules, List<FindingType> types) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode array = mapper.createArrayNode();
    for (Rule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("id", rule.id());
      node.put("class", rule.ruleClass().id());
      ArrayNode languages = node.putArray("languages");
      rule.languages().stream().map(Language::id).forEach(languages::add);
      node.put("in", rule.region().id());
      node.put("scope", rule.scope().id());
      node.put("title", rule.title());
      node.put("rationale", rule.rationale());
      node.put("pattern", rule.pattern().pattern());
      ArrayNode keywords = node.putArray("keywords");
      rule.keywords().forEach(keywords::add);
      rule.ifPrevious().ifPresent(pattern -> node.put("ifPrevious", pattern.pattern()));
      rule.unlessInside().ifPresent(pattern -> node.put("unlessInside", pattern.pattern()));
      examples(node.putArray("match"), rule.match());
      examples(node.putArray("noMatch"), rule.noMatch());
    }
    for (FindingType type : types) {
      array.addObject().put("id", type.id()).putNull("class").put("title", type.title()).put("rationale", type.rationale())
          .put("example", type.example());
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void examples(ArrayNode array, List<Example> examples) {
    for (Example example : examples) {
      array.addObject().put("language", example.language().id()).put("code", example.code());
    }
  }
}
