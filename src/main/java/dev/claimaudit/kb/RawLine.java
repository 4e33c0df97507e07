package dev.claimaudit.kb;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One line of a JSON Lines file as stored, before it is trusted.
 *
 * @param number 1-based line number in its file
 * @param bytes the line without its newline, or {@code null} when it was longer than {@link JsonLines#MAX_LINE_BYTES}
 */
public record RawLine(int number, byte[] bytes) {

  public boolean overlong() {
    return bytes == null;
  }

  /** The line as UTF-8 text, or empty when it is overlong or not valid UTF-8. */
  public Optional<String> text() {
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  public boolean blank() {
    if (bytes == null) {
      return false;
    }
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
