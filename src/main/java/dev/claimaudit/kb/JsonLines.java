package dev.claimaudit.kb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Splits a JSON Lines stream into {@link RawLine}s without ever holding more than one bounded line. */
public final class JsonLines {
  /** A longer line is reported as malformed and not read into memory. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  /** Receives the lines of one file in order. */
  public interface Visitor {
    void line(RawLine line);
  }

  private JsonLines() {}

  /** Streams the lines of {@code in}; a last line without a newline is a line too. Blank lines are skipped. */
  public static void read(InputStream in, Visitor visitor) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean overlong = false;
    boolean pending = false;
    int number = 1;
    int read;
    while ((read = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        if (!overlong) {
          line.write(buffer, start, i - start);
        }
        emit(visitor, number++, line, overlong || line.size() > MAX_LINE_BYTES);
        line.reset();
        overlong = false;
        pending = false;
        start = i + 1;
      }
      if (start < read) {
        pending = true;
        if (!overlong) {
          line.write(buffer, start, read - start);
          if (line.size() > MAX_LINE_BYTES) {
            overlong = true;
            line.reset();
          }
        }
      }
    }
    if (pending) {
      emit(visitor, number, line, overlong || line.size() > MAX_LINE_BYTES);
    }
  }

  /** Every line of {@code bytes}, long ones included, as the exact bytes between newlines. */
  public static List<byte[]> split(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private static void emit(Visitor visitor, int number, ByteArrayOutputStream line, boolean overlong) {
    RawLine raw = new RawLine(number, overlong ? null : line.toByteArray());
    if (!raw.blank()) {
      visitor.line(raw);
    }
  }
}
