package dev.claimaudit.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON escapes for the characters a terminal acts on that JSON itself leaves raw: DEL, the C1
 * controls (U+009B starts an escape sequence on some terminals), line and paragraph separators,
 * and the bidirectional overrides that can make a line read differently than it is.
 */
final class TerminalSafeEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  /** {@code mapper}, writing these escapes: every JSON format is read in terminals and job logs. */
  static ObjectMapper on(ObjectMapper mapper) {
    mapper.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    return mapper;
  }

  private final int[] ascii;

  TerminalSafeEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7F] = ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    boolean unsafe = (ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || (ch >= 0x202A && ch <= 0x202E)
        || (ch >= 0x2066 && ch <= 0x2069);
    return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
  }
}
