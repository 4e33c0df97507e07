package dev.claimaudit.report;

import java.util.List;
import java.util.Optional;

/** The reporters by format name; the one list that {@code --format} and {@code --report} choose from. */
public final class Reporters {
  private Reporters() {}

  /**
   * What reporters may need besides the verdict.
   *
   * @param color ANSI colours in text output
   * @param links where the Markdown comment links file lines, or {@code null}
   * @param rules rule metadata (titles, rationales) for SARIF, rdjson and annotations
   */
  public record Settings(boolean color, SourceLinks links, RuleDocs rules) {
    public static Settings defaults(boolean color) {
      return new Settings(color, null, RuleDocs.builtIn());
    }

    public Settings withColor(boolean newColor) {
      return new Settings(newColor, links, rules);
    }
  }

  public static List<String> formats() {
    return List.of("text", "json", "markdown", "gitea-comment", "sarif", "rdjson", "rdjsonl", "annotations", "summary");
  }

  public static Optional<Reporter> forFormat(String format, boolean color) {
    return forFormat(format, Settings.defaults(color));
  }

  public static Optional<Reporter> forFormat(String format, Settings settings) {
    return Optional.ofNullable(switch (format) {
      case "text" -> new TextReporter(settings.color());
      case "json" -> new JsonReporter();
      case "markdown" -> new MarkdownReporter(settings.links());
      case "gitea-comment" -> new CommentJsonReporter(settings.links());
      case "sarif" -> new SarifReporter(settings.rules());
      case "rdjson" -> new RdjsonReporter(settings.rules(), false);
      case "rdjsonl" -> new RdjsonReporter(settings.rules(), true);
      case "annotations" -> new AnnotationsReporter(settings.rules());
      case "summary" -> new SummaryReporter();
      default -> null;
    });
  }
}
