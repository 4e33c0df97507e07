package dev.claimaudit.git;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.util.IntList;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * One side of a file's diff as JGit splits it into lines, with a cheap way to decode one line.
 * Most lines of source code are ASCII, where every decoding agrees, so they are copied byte for
 * byte; any other line goes through JGit's lenient decoding, exactly as {@link RawText#getString}
 * does.
 */
final class LineText extends RawText {

  /** Whether every byte is ASCII ({@link #plain}), so that no line needs to be looked at before it is copied. */
  private final boolean plainText;

  /** @param plain whether {@link #plain} holds for {@code content}, as the caller has already found */
  LineText(byte[] content, boolean plain) {
    super(content);
    this.plainText = plain;
  }

  /**
   * @param lines the line starts of {@code content}, as {@link RawParseUtils#lineMap} gives them
   * @param plain whether {@link #plain} holds for {@code content}, as the caller has already found
   */
  LineText(byte[] content, IntList lines, boolean plain) {
    super(content, lines);
    this.plainText = plain;
  }

  /** Line {@code index} (0-based) without its line terminator ({@code \n} or {@code \r\n}). */
  String line(int index) {
    String text = lineAsRead(index);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Line {@code index} (0-based) as {@link RawText#getString(int)} gives it: without its
   * {@code \n}, but with the {@code \r} of a {@code \r\n}.
   */
  String lineAsRead(int index) {
    int start = lines.get(index + 1);
    int end = lines.get(index + 2);
    if (end > start && content[end - 1] == '\n') {
      end--;
    }
    return plainText || ascii(start, end)
        ? new String(content, start, end - start, StandardCharsets.ISO_8859_1)
        : RawParseUtils.decode(content, start, end);
  }

  /**
   * Whether the text is ASCII without NUL and with no carriage return outside a {@code \r\n} pair: then however
   * it is split into lines ({@code \n}, {@code \r\n} or a lone {@code \r}) and decoded, whole or
   * line by line, line {@code n} is the same string.
   */
  static boolean plain(byte[] content) {
    for (int i = 0; i < content.length; i++) {
      byte b = content[i];
      if (b <= 0 || (b == '\r' && (i + 1 == content.length || content[i + 1] != '\n'))) {
        return false;
      }
    }
    return true;
  }

  private boolean ascii(int start, int end) {
    return ascii(content, start, end);
  }

  /** The whole of {@code bytes} decoded as {@link RawParseUtils#decode(byte[])} decodes it. */
  static String decode(byte[] bytes) {
    return ascii(bytes, 0, bytes.length) ? new String(bytes, StandardCharsets.ISO_8859_1) : RawParseUtils.decode(bytes);
  }

  private static boolean ascii(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
