package dev.claimaudit.cli;

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
  private final Cli.Io io;

  VersionCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().println(new Version().getVersion()[0]);
    io.out().flush();
    return ExitCode.OK.code();
  }
}
