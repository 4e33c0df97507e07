package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A plain audit is parsed without building the subcommands; anything that may name one builds them. */
class SubcommandDecisionTest {
  private static CommandSpec auditSpec() {
    Io io = new Io(InputStream.nullInputStream(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
    return new CommandLine(new AuditCommand(io, null)).getCommandSpec();
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--range main..HEAD --no-llm --format json | false",
      "--repo rules --range rules                | false",
      "--repo=x --format=json                    | false",
      "                                          | false",
      "--version                                 | false",
      "rules                                     | true",
      "--debug kb stats                          | true",
      "--format json config                      | true",
      "--help                                    | true",
      "-h                                        | true",
      "--range                                   | false",
      "--frobnicate rules                        | true",
      "--                                        | true",
      "main..HEAD                                | true"})
  void decidesFromTheWordsThatAreNotOptionValues(String line, boolean expected) {
    String[] args = line == null ? new String[0] : line.trim().split("\\s+");

    assertThat(Cli.mayNameASubcommand(auditSpec(), args)).isEqualTo(expected);
  }

  @Test
  void aMistypedSubcommandIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("--no-llm", "rulez");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).containsExactly("audit: Unmatched argument at index 1: 'rulez' (see audit --help)");
  }

  @Test
  void theNamesKnownBeforeBuildingAreTheSubcommandsBuilt() {
    Io io = new Io(InputStream.nullInputStream(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
    CommandLine audit = new CommandLine(new AuditCommand(io, null));
    Subcommands.register(audit, io);

    assertThat(audit.getSubcommands().keySet()).containsExactlyElementsOf(Subcommands.NAMES);
  }

  @Test
  void helpStillListsEverySubcommand() {
    CliRun run = CliRun.of("--help");

    assertThat(run.out()).contains("rules").contains("config").contains("kb").contains("pre-push").contains("install-hook");
  }
}
