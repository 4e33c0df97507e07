package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.git.RepositoryPreload;
import dev.claimaudit.input.InputException;
import dev.claimaudit.text.Secrets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Parses the command line, runs the command, and turns every failure into one line and an exit code. */
public final class Cli {
  private final Io io;

  public Cli(Io io) {
    this.io = io;
  }

  public int run(String... args) {
    try (RepositoryPreload preload = startsAnAudit(args) ? RepositoryPreload.start(auditedRepository(args)) : RepositoryPreload.none()) {
      CommandLine commandLine = new CommandLine(new AuditCommand(io, preload));
      if (mayNameASubcommand(commandLine.getCommandSpec(), args)) {
        Subcommands.register(commandLine, io);
      }
      commandLine
          .setOut(io.out())
          .setErr(io.err())
          .setCaseInsensitiveEnumValuesAllowed(true)
          // `--kb kb` names a directory called kb, not the kb subcommand.
          .setAllowSubcommandsAsOptionParameters(true)
          .setParameterExceptionHandler(this::badParameters)
          .setExecutionExceptionHandler((error, line, parsed) -> failure(error, debug(args)));
      return commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Errors pass picocli's handler. What held the memory is unreachable by now, so there is room to say so.
      io.err().println("audit: internal error: " + describe(e));
      return ExitCode.INTERNAL_ERROR.code();
    }
  }

  /** One line for an error no handler expected: what it was, never a stack trace. */
  static String describe(Throwable error) {
    if (error instanceof OutOfMemoryError) {
      return "out of memory (" + oneLine(error.getMessage()) + "); the input is larger than this audit can hold";
    }
    if (error instanceof StackOverflowError) {
      return "stack overflow; the input is nested deeper than this audit can follow";
    }
    return oneLine(error.getClass().getSimpleName() + ": " + error.getMessage());
  }

  /** Whether the arguments may run an audit: no subcommand, help or version is named. */
  private static boolean startsAnAudit(String[] args) {
    for (String arg : args) {
      if (Subcommands.NAMES.contains(arg) || arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return false;
      }
    }
    return true;
  }

  /** The directory an audit with these arguments reads: the value of {@code --repo}, else the current one. */
  private static Path auditedRepository(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--repo=")) {
        return Path.of(args[i].substring("--repo=".length()));
      }
      if (args[i].equals("--repo") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
    }
    return Path.of(".");
  }

  /**
   * Whether the arguments may name a subcommand or ask for help about them: any word that is not
   * an option or the value of one. Building the subcommands costs a sixth of a second on a cold
   * JVM, so a plain audit leaves them out; when in doubt they are built.
   */
  static boolean mayNameASubcommand(CommandSpec audit, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--") || arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
      int equals = arg.indexOf('=');
      OptionSpec option = audit.findOption(equals < 0 ? arg : arg.substring(0, equals));
      if (option != null && equals < 0 && option.arity().min() > 0) {
        i++;
      }
    }
    return false;
  }

  private int badParameters(CommandLine.ParameterException error, String[] args) {
    io.err().println("audit: " + oneLine(masked(error.getMessage())) + " (see " + error.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
    return ExitCode.BAD_INPUT.code();
  }

  private int failure(Exception error, boolean debug) {
    if (debug) {
      error.printStackTrace(io.err());
    }
    if (error instanceof InputException) {
      io.err().println("audit: " + oneLine(masked(error.getMessage())));
      return ExitCode.BAD_INPUT.code();
    }
    io.err().println("audit: internal error: " + oneLine(error.getClass().getSimpleName() + ": " + masked(error.getMessage()))
        + (debug ? "" : " (run with --debug for details)"));
    return ExitCode.INTERNAL_ERROR.code();
  }

  private static boolean debug(String[] args) {
    for (String arg : args) {
      if (arg.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** An error line quotes what it was given (a range, a path, a payload): the same credentials are masked as in a verdict. */
  private String masked(String message) {
    return Secrets.fromEnvironment(io.env()).redact(message);
  }

  static String oneLine(String message) {
    return dev.claimaudit.report.Text.line(message == null ? "" : message, 1000);
  }
}
