package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.claims.PullRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audit ci}: the JSON reading that {@code ci/claim-audit.sh} needs, so that a runner needs
 * no JSON tool of its own. Each subcommand prints one line of plain words for the shell to read.
 */
@Command(
    name = "ci",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = "Reads the JSON a CI script needs (the event payload, the API's answers) and prints one line for the shell; "
        + "ci/claim-audit.sh uses it, so the runner needs no jq.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  audit ci event --event \"$GITHUB_EVENT_PATH\"            # owner/name number head-sha",
        "  audit ci user user.json                                 # the login of the token's user",
        "  audit ci comment --author gitea-actions comments.json   # count, first id, id of our comment",
        "",
        "Exit codes: 0 printed, 2 a file that is missing or not the JSON expected."})
final class CiCommand implements Callable<Integer> {
  /** The hidden first line of the comment the workflow keeps up to date. */
  static final String MARKER = dev.claimaudit.report.MarkdownReporter.MARKER;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._\\-\\[\\]]{1,100}");
  private static final long MAX_BYTES = 32L * 1024 * 1024;

  private final Io io;

  CiCommand(Io io) {
    this.io = io;
  }

  /** The {@code ci} command with its subcommands. */
  static CommandLine commandLine(Io io) {
    return new CommandLine(new CiCommand(io))
        .addSubcommand("event", new Event(io))
        .addSubcommand("user", new User(io))
        .addSubcommand("comment", new Comment(io));
  }

  @Override
  public Integer call() {
    throw new BadInputException("audit ci: give a subcommand: event, user or comment (see audit ci --help)");
  }

  /** The pull request an event is about. */
  @Command(name = "event", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Prints the repository (owner/name, - when the payload has none), the pull request number and its head commit.")
  static final class Event implements Callable<Integer> {
    private final Io io;

    @Option(names = "--event", paramLabel = "FILE", description = "The pull_request event payload (default: $GITHUB_EVENT_PATH).")
    Path event;

    Event(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      Path file = event;
      if (file == null) {
        String path = io.env().get("GITHUB_EVENT_PATH");
        if (path == null || path.isBlank()) {
          throw new BadInputException("audit ci event: give --event FILE or set GITHUB_EVENT_PATH");
        }
        file = Path.of(path);
      }
      EventPayload.Event read = EventPayload.read(file);
      PullRequest pr = read.pullRequest();
      String repository = read.repository() != null && read.repository().matches("[A-Za-z0-9._\\-]+/[A-Za-z0-9._\\-]+") ? read.repository() : "-";
      io.out().println(repository + " " + pr.number() + " " + pr.headSha());
      io.out().flush();
      return ExitCode.OK.code();
    }
  }

  /** Who the token belongs to, from the answer of {@code GET /user}. */
  @Command(name = "user", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Prints the login in an answer of GET /user: the author of the comments this token posts.")
  static final class User implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "FILE", description = "The answer of GET /api/v1/user.")
    Path file;

    User(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      JsonNode login = read(file).path("login");
      if (!login.isTextual() || !LOGIN.matcher(login.asText()).matches()) {
        throw new BadInputException(file + " names no login");
      }
      io.out().println(login.asText());
      io.out().flush();
      return ExitCode.OK.code();
    }
  }

  /**
   * The comment this workflow posted before, on one page of the pull request's comments: its body
   * starts with the marker <em>and</em> its author is the workflow's, so a comment anybody else
   * wrote with the marker in it is never edited, nor read as the workflow's.
   */
  @Command(name = "comment", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Reads one page of an issue's comments and prints how many it holds, the id of the first (- when none), "
          + "and the id of the first comment that starts with the claim-audit marker and was written by AUTHOR (- when none).")
  static final class Comment implements Callable<Integer> {
    private final Io io;

    @Option(names = "--author", paramLabel = "LOGIN", required = true, description = "The login the workflow's comments are written by.")
    String author;

    @Parameters(paramLabel = "FILE", description = "The answer of GET /repos/{owner}/{repo}/issues/{number}/comments.")
    Path file;

    Comment(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      JsonNode comments = read(file);
      if (!comments.isArray()) {
        throw new BadInputException(file + " is not a list of comments");
      }
      String first = comments.isEmpty() ? "-" : id(comments.get(0));
      String match = "-";
      for (JsonNode comment : comments) {
        JsonNode body = comment.path("body");
        JsonNode login = comment.path("user").path("login");
        if (body.isTextual() && body.asText().startsWith(MARKER) && login.isTextual() && login.asText().equalsIgnoreCase(author)
            && !id(comment).equals("-")) {
          match = id(comment);
          break;
        }
      }
      io.out().println(comments.size() + " " + first + " " + match);
      io.out().flush();
      return ExitCode.OK.code();
    }

    private static String id(JsonNode comment) {
      JsonNode id = comment.path("id");
      return id.canConvertToLong() && id.isIntegralNumber() && id.asLong() > 0 ? Long.toString(id.asLong()) : "-";
    }
  }

  private static JsonNode read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new BadInputException(file + " is larger than 32 MiB");
      }
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file", e);
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
