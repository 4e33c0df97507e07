package dev.claimaudit.cli;

import dev.claimaudit.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion script for fish, from the same command definitions as {@code --help}: commands,
 * subcommands, options and the values an option lists, for every name the tool is installed under.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String render(CommandLine root, List<String> names) {
    StringBuilder script = new StringBuilder("# Completion for " + String.join(" and ", names) + " in fish: "
        + root.getCommandName() + " completion fish > ~/.config/fish/completions/" + root.getCommandName() + ".fish\n");
    script.append("for command in ").append(String.join(" ", names)).append('\n');
    script.append("  complete -c $command -f\n");
    commands(script, root, List.of());
    script.append("end\n");
    return script.toString();
  }

  private static void commands(StringBuilder script, CommandLine command, List<String> path) {
    String where = path.isEmpty() ? "__fish_use_subcommand" : "__fish_seen_subcommand_from " + path.get(path.size() - 1);
    for (OptionSpec option : command.getCommandSpec().options()) {
      script.append("  complete -c $command -n '").append(where).append("'");
      for (String name : option.names()) {
        script.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
      }
      if (!option.typeInfo().isBoolean()) {
        List<String> values = new ArrayList<>();
        if (option.completionCandidates() != null) {
          option.completionCandidates().forEach(value -> values.add(value.toLowerCase(Locale.ROOT)));
        }
        script.append(values.isEmpty() ? " -r" : " -x -a " + quote(String.join(" ", values)));
      }
      script.append(" -d ").append(quote(first(option.description()))).append('\n');
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (!spec.name().equals(command.getCommandName()) && !path.contains(spec.name())) {
        script.append("  complete -c $command -n '").append(where).append("' -a ").append(quote(spec.name())).append(" -d ")
            .append(quote(first(spec.usageMessage().description()))).append('\n');
        List<String> deeper = new ArrayList<>(path);
        deeper.add(spec.name());
        commands(script, sub, deeper);
      }
    }
  }

  /** The first sentence of a description, short enough for fish's column. */
  private static String first(String[] description) {
    String text = description.length == 0 ? "" : description[0];
    int end = text.indexOf(". ");
    text = end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    return Texts.truncate(text, 80);
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
