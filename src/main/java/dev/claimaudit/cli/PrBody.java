package dev.claimaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a PR body file with a size cap, so a hostile body cannot exhaust memory. */
final class PrBody {
  static final int MAX_BYTES = 8 * 1024 * 1024;

  private PrBody() {}

  static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }
}
