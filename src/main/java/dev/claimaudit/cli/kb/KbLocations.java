package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.BadInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** How a knowledge base's location is given on the command line. */
public final class KbLocations {
  private KbLocations() {}

  /** {@code --kb} as given, with a directory made absolute against the current directory (the policy's own is taken from the work tree). */
  public static String absolute(String kb) {
    if (kb == null || kb.startsWith("git:")) {
      return kb;
    }
    if (kb.isBlank()) {
      throw new BadInputException("--kb takes a directory or git:REF, got an empty value");
    }
    try {
      return Path.of(kb).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      throw new BadInputException("--kb: not a usable path: " + kb);
    }
  }
}
