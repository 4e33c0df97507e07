package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit completion bash|zsh}: prints a shell completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Prints a completion script for bash, zsh or fish: commands, options and their values complete on TAB, "
        + "for the command under both its names, audit and claim-audit.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  audit completion bash > ~/.local/share/bash-completion/completions/audit",
        "  source <(audit completion bash)                       # this bash session",
        "  echo 'source <(audit completion zsh)' >> ~/.zshrc       # zsh, from the next shell on",
        "  audit completion fish > ~/.config/fish/completions/audit.fish",
        "",
        "Exit codes: 0 printed, 2 unknown shell."})
final class CompletionCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  /** The names the tool is run by: bin/audit in a source tree, the claim-audit launcher of a release. */
  static final List<String> NAMES = List.of("audit", "claim-audit");

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.", completionCandidates = Shells.class)
  String shell;

  CompletionCommand(Io io) {
    this.io = io;
  }

  /** The shells a script is printed for. */
  static final class Shells extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Shells() {
      super(List.of("bash", "zsh", "fish"));
    }
  }

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String bash = AutoComplete.bash(root.getCommandName(), root) + "complete -F _complete_" + root.getCommandName()
        + " -o default " + String.join(" ", NAMES.subList(1, NAMES.size())) + "\n";
    switch (shell) {
      case "bash" -> io.out().print(bash);
      case "zsh" -> io.out().print("# Completion for " + root.getCommandName() + " in zsh: add `source <(" + root.getCommandName()
          + " completion zsh)` to ~/.zshrc.\n# The script below loads zsh's bashcompinit itself.\n" + bash);
      case "fish" -> io.out().print(FishCompletion.render(root, NAMES));
      default -> throw new BadInputException("completion: unknown shell '" + shell + "': use bash, zsh or fish");
    }
    io.out().flush();
    return ExitCode.OK.code();
  }
}
