package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.kb.KbCommand;
import java.util.List;
import picocli.CommandLine;

/** The commands besides the audit itself, in help order; adding one means adding it here. */
final class Subcommands {
  /** Their names, known before any is built. */
  static final List<String> NAMES = List.of("rules", "config", "kb", "explain", "pre-push", "install-hook", "completion", "man", "ci", "help",
      "version");

  private Subcommands() {}

  static void register(CommandLine audit, Io io) {
    audit.addSubcommand(new RulesCommand(io));
    audit.addSubcommand("config", new ConfigCommand(io));
    audit.addSubcommand("kb", KbCommand.commandLine(io, () -> FindingRegistry.builtIn().ids()));
    audit.addSubcommand(new ExplainCommand(io));
    audit.addSubcommand(new PrePushCommand(io));
    audit.addSubcommand(new InstallHookCommand(io));
    audit.addSubcommand(new CompletionCommand(io));
    audit.addSubcommand(new ManCommand(io));
    audit.addSubcommand("ci", CiCommand.commandLine(io));
    audit.addSubcommand("help", new CommandLine.HelpCommand());
    audit.addSubcommand(new VersionCommand(io));
  }
}
