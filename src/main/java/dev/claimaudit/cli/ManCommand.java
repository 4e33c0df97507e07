package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit man}: prints the manual page, generated from the same command definitions as {@code --help}. */
@Command(
    name = "man",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Prints the manual page (roff) of audit and all its commands, generated from their --help.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  audit man | man -l -",
        "  audit man > ~/.local/share/man/man1/audit.1",
        "",
        "Exit codes: 0 printed."})
final class ManCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  ManCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().print(ManPage.render(spec.root().commandLine()));
    io.out().flush();
    return ExitCode.OK.code();
  }
}
