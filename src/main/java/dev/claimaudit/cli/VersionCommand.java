package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code audit version}: the same line as {@code audit --version}, for those who type it as a word. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Prints the version of claim-audit and the commit it was built from.",
    footerHeading = "%nExamples:%n",
    footer = {"  audit version", "", "Exit codes: 0 printed."})
final class VersionCommand implements Callable<Integer> {
  private final Io io;

  VersionCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().println(new Version().getVersion()[0]);
    io.out().flush();
    return ExitCode.OK.code();
  }
}
