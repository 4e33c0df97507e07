package dev.claimaudit.git;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Decodes a blob the way a compiler reads source, so that nothing a compiler accepts can hide
 * from the scan: a byte-order mark picks UTF-8 or UTF-16, a stray NUL byte in otherwise
 * readable UTF-8 does not make a file binary, and a lone carriage return ends a line (Python,
 * JavaScript and C all treat it so). The diff and the lexer both read this text, so their line
 * numbers agree.
 */
final class TextContent {
  /** Bytes looked at to tell text from binary, as git does. */
  private static final int SAMPLE = 8_000;

  private TextContent() {}

  /** The text of {@code bytes}, or empty when they are binary. */
  static Optional<String> decode(byte[] bytes) {
    String text;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      text = RawParseUtils.decode(bytes, 3, bytes.length);
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    } else if (binary(bytes)) {
      return Optional.empty();
    } else {
      text = RawParseUtils.decode(bytes);
    }
    return Optional.of(loneCarriageReturnsAsNewlines(text));
  }

  /**
   * A readable blob as the line diff and the lexer see it.
   *
   * @param bytes UTF-8 with the line breaks the lexer sees, for the line diff
   * @param text the decoded text, made when asked for
   * @param plain the text is ASCII without NUL or lone carriage returns, so any decoding of any line agrees
   */
  record Readable(byte[] bytes, Supplier<String> text, boolean plain) {}

  /**
   * The blob ready for the diff, or empty when it is binary. Most source files are UTF-8 that
   * decoding gives back unchanged; they are used as they are, not decoded and encoded again.
   */
  static Optional<Readable> readable(byte[] blob) {
    int shape = shape(blob);
    if (shape != OTHER) {
      return Optional.of(new Readable(blob, () -> new String(blob, StandardCharsets.UTF_8), shape == ASCII));
    }
    return decode(blob).map(text -> {
      byte[] bytes = diffBytes(text);
      return new Readable(bytes, () -> text, LineText.plain(bytes));
    });
  }

  /**
   * What {@link #readable} gives for a blob the line diff found printable, without reading it
   * again: such a blob is text, read as it is.
   */
  static Readable printable(byte[] blob) {
    return new Readable(blob, () -> new String(blob, StandardCharsets.UTF_8), true);
  }

  private static final int ASCII = 0;
  private static final int UTF8 = 1;
  private static final int OTHER = 2;

  /**
   * {@link #ASCII} or {@link #UTF8} when {@link #decode} gives the blob back unchanged: no byte-order
   * mark, no control byte that could make it binary, no lone carriage return, strictly valid UTF-8;
   * else {@link #OTHER}.
   */
  private static int shape(byte[] blob) {
    if (startsWith(blob, 0xEF, 0xBB, 0xBF) || startsWith(blob, 0xFF, 0xFE) || startsWith(blob, 0xFE, 0xFF)) {
      return OTHER;
    }
    int shape = ASCII;
    int i = 0;
    while (i < blob.length) {
      int b = blob[i];
      if (b >= 0x20 || b == '\n' || b == '\t') {
        i++;
        continue;
      }
      if (b == '\r') {
        if (i + 1 == blob.length || blob[i + 1] != '\n') {
          return OTHER;
        }
        i++;
        continue;
      }
      if (b >= 0) {
        return OTHER;
      }
      int length = utf8SequenceLength(blob, i);
      if (length == 0) {
        return OTHER;
      }
      shape = UTF8;
      i += length;
    }
    return shape;
  }

  /** The length of the well-formed UTF-8 sequence at {@code i} (Unicode table 3-7), or 0. */
  private static int utf8SequenceLength(byte[] blob, int i) {
    int b = blob[i] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      low = b == 0xE0 ? 0xA0 : 0x80;
      high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      low = b == 0xF0 ? 0x90 : 0x80;
      high = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + length > blob.length) {
      return 0;
    }
    int second = blob[i + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((blob[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return length;
  }

  /** The text's bytes for the line diff, with the same line breaks the lexer sees. */
  static byte[] diffBytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Binary when the first bytes hold control characters (NUL among them) and either are not
   * UTF-8 or hold so many that the file is not prose or code.
   */
  static boolean binary(byte[] bytes) {
    int length = Math.min(bytes.length, SAMPLE);
    int controls = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0B && b != 0x0C && b != 0x1B) {
        controls++;
      }
    }
    if (controls == 0) {
      return false;
    }
    return controls * 10 > length || !utf8(bytes, length);
  }

  /** Whether the first {@code length} bytes are UTF-8, allowing a sequence cut off at the end of the sample. */
  private static boolean utf8(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      int b = bytes[i] & 0xFF;
      int continuation;
      if (b < 0x80) {
        continuation = 0;
      } else if (b >= 0xC2 && b <= 0xDF) {
        continuation = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        continuation = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        continuation = 3;
      } else {
        return false;
      }
      for (int k = 1; k <= continuation; k++) {
        if (i + k >= length) {
          return length < bytes.length;
        }
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += continuation + 1;
    }
    return true;
  }

  private static String loneCarriageReturnsAsNewlines(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lone = c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
      out.append(lone ? '\n' : c);
    }
    return out.toString();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
