package dev.claimaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders the manual page of {@code audit} and its commands as roff, from the same command
 * definitions that print {@code --help}. The output depends on nothing but those definitions (no
 * date, no version), so the page committed under {@code docs/man/} can be checked for drift.
 */
final class ManPage {
  private static final String[][] EXIT_STATUS = {
      {"0", "The audit passed or only warned; for the other commands, success."},
      {"1", "The audit blocks (or warns, with --fail-on warn); for pre-push, a pushed ref blocks and the push stops."},
      {"2", "Bad input: a range that does not resolve, an unreadable or malformed file or event payload, a bad option."},
      {"3", "Internal error: a check that must run could not, or a bug."}};
  private static final String[][] ENVIRONMENT = {
      {"GITHUB_EVENT_PATH", "The pull_request event payload read when --event is not given (Gitea and GitHub Actions set it)."},
      {"GITHUB_EVENT_NAME", "When set to an event other than pull_request, GITHUB_EVENT_PATH is not read."},
      {"GITHUB_STEP_SUMMARY", "A file the Markdown report is appended to, for the run's summary page."},
      {"GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITEA_ACTIONS", "Where the Markdown report links file lines (Gitea's link shape when GITEA_ACTIONS=true)."},
      {"CLAIM_AUDIT_SKIP", "Set to 1, the pre-push hook lets the push through unaudited and says so."},
      {"CLAIM_AUDIT", "The audit command the installed pre-push hook runs (else claim-audit or audit on the PATH, else the recorded launcher)."},
      {"NO_COLOR", "No colours in text output."}};

  private ManPage() {}

  static String render(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    StringBuilder page = new StringBuilder();
    page.append(".TH ").append(spec.name().toUpperCase(Locale.ROOT)).append(" 1 \"\" \"claim-audit\" \"User Commands\"\n");
    page.append(".SH NAME\n").append(escape(spec.name())).append(" \\- ").append(escape(firstSentence(spec))).append('\n');
    page.append(".SH SYNOPSIS\n");
    synopsis(page, spec);
    for (CommandLine sub : root.getSubcommands().values()) {
      synopsis(page, sub.getCommandSpec());
    }
    page.append(".SH DESCRIPTION\n");
    paragraphs(page, spec.usageMessage().description());
    page.append(".SH OPTIONS\n");
    options(page, spec);
    page.append(".SH COMMANDS\n");
    for (CommandLine sub : root.getSubcommands().values()) {
      CommandSpec command = sub.getCommandSpec();
      page.append(".SS \"").append(escape(command.qualifiedName())).append("\"\n");
      paragraphs(page, command.usageMessage().description());
      options(page, command);
    }
    page.append(".SH EXIT STATUS\n");
    for (String[] status : EXIT_STATUS) {
      page.append(".TP\n.B ").append(status[0]).append('\n').append(escape(status[1])).append('\n');
    }
    page.append(".SH ENVIRONMENT\n");
    for (String[] variable : ENVIRONMENT) {
      page.append(".TP\n.B ").append(escape(variable[0])).append('\n').append(escape(variable[1])).append('\n');
    }
    page.append(".SH EXAMPLES\n.nf\n");
    examples(page, spec);
    for (CommandLine sub : root.getSubcommands().values()) {
      examples(page, sub.getCommandSpec());
    }
    page.append(".fi\n");
    page.append(".SH SEE ALSO\n.BR git (1),\n.BR githooks (5)\n");
    return page.toString();
  }

  private static String firstSentence(CommandSpec spec) {
    String[] description = spec.usageMessage().description();
    String first = description.length == 0 ? spec.name() : description[0];
    int end = first.indexOf(". ");
    String sentence = end < 0 ? first.replaceAll("\\.$", "") : first.substring(0, end);
    return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private static void synopsis(StringBuilder page, CommandSpec spec) {
    String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
    page.append(".PP\n.nf\n");
    for (String line : synopsis.split("\n")) {
      page.append(escape(line.stripTrailing())).append('\n');
    }
    page.append(".fi\n");
  }

  private static void paragraphs(StringBuilder page, String[] lines) {
    for (String line : lines) {
      page.append(".PP\n").append(escape(line)).append('\n');
    }
  }

  private static void options(StringBuilder page, CommandSpec spec) {
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      page.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n").append(escape(String.join(" ", parameter.description())))
          .append('\n');
    }
    for (OptionSpec option : spec.options()) {
      List<String> names = new ArrayList<>();
      for (String name : option.names()) {
        names.add("\\fB" + escape(name) + "\\fR");
      }
      String label = option.typeInfo().isBoolean() ? "" : "=\\fI" + escape(option.paramLabel()) + "\\fR";
      page.append(".TP\n").append(String.join(", ", names)).append(label).append('\n')
          .append(escape(String.join(" ", option.description()))).append('\n');
    }
  }

  private static void examples(StringBuilder page, CommandSpec spec) {
    for (String line : spec.usageMessage().footer()) {
      if (line.startsWith("  ")) {
        page.append(escape(line.substring(2))).append('\n');
      }
    }
  }

  /** Text as roff shows it literally: backslashes, hyphens, leading dots and quotes escaped, non-ASCII as {@code \[uXXXX]}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\e");
      } else if (c == '-') {
        out.append("\\-");
      } else if ((c == '.' || c == '\'') && i == 0) {
        out.append("\\&").append(c);
      } else if (c > 126) {
        out.append(String.format(Locale.ROOT, "\\[u%04X]", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
