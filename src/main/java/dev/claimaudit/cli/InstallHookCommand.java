package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import dev.claimaudit.git.GitRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit install-hook}: writes the pre-push hook where git looks for it, never over another tool's hook unasked. */
@Command(
    name = "install-hook",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Installs the claim-audit pre-push hook, so that every git push is audited and a blocking verdict stops it.",
        "The hook goes where git looks for hooks: the directory core.hooksPath names, else .git/hooks.",
        "A pre-push hook of another tool is left alone unless --force is given; it is then kept as pre-push.before-claim-audit."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  audit install-hook",
        "  audit install-hook --repo ../service --force",
        "  CLAIM_AUDIT_SKIP=1 git push    # push once without the audit",
        "",
        "Exit codes: 0 installed, 2 bad input (not a repository, another tool's hook in the way), 3 internal error."})
final class InstallHookCommand implements Callable<Integer> {
  /** Every hook this command writes says so in its first comment; a hook without it belongs to someone else. */
  static final String SIGNATURE = "claim-audit pre-push hook";
  static final String BACKUP_NAME = "pre-push.before-claim-audit";

  private final Io io;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository to install the hook in (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--force", description = "Replace a pre-push hook that claim-audit did not write (it is kept as " + BACKUP_NAME + ").")
  boolean force;

  InstallHookCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    Path hooks;
    try (GitRepository repository = GitRepository.open(repo)) {
      hooks = repository.hooksDirectory();
    }
    Path hook = hooks.resolve("pre-push");
    if (Files.exists(hook) && !Files.readString(hook, StandardCharsets.ISO_8859_1).contains(SIGNATURE)) {
      if (!force) {
        throw new BadInputException(hook + " already exists and was not written by claim-audit; add --force to replace it (it is kept as "
            + BACKUP_NAME + "), or call `audit pre-push \"$@\"` from that hook");
      }
      Files.move(hook, hooks.resolve(BACKUP_NAME), StandardCopyOption.REPLACE_EXISTING);
      io.out().println("claim-audit: kept the previous hook as " + hooks.resolve(BACKUP_NAME));
    }
    Files.createDirectories(hooks);
    Path temp = Files.createTempFile(hooks, ".pre-push-", ".tmp");
    try {
      Files.writeString(temp, script(io.env().get("CLAIM_AUDIT_LAUNCHER")), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (UnsupportedOperationException e) {
        temp.toFile().setExecutable(true, false);
      }
      Files.move(temp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    io.out().println("claim-audit: installed the pre-push hook: " + hook);
    io.out().println("claim-audit: every git push is audited now; CLAIM_AUDIT_SKIP=1 git push skips it once.");
    io.out().flush();
    return ExitCode.OK.code();
  }

  /** The hook script, with the launcher that ran this command recorded as the audit command when it is known. */
  static String script(String launcher) throws IOException {
    String template;
    try (InputStream in = InstallHookCommand.class.getResourceAsStream("/dev/claimaudit/hooks/pre-push")) {
      if (in == null) {
        throw new IOException("the hook script is missing from the claim-audit jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (launcher == null || launcher.isBlank() || !Path.of(launcher).isAbsolute()) {
      return template;
    }
    return template.replaceFirst("(?m)^installed_audit=$",
        Matcher.quoteReplacement("installed_audit=" + shellQuote(launcher)));
  }

  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
