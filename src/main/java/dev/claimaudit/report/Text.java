package dev.claimaudit.report;

import dev.claimaudit.text.Texts;

/** Makes untrusted text safe to print: no control characters or terminal escape sequences. */
public final class Text {
  private Text() {}

  /** {@code text} with every control character other than tab shown as {@code \\uXXXX}; newlines too when {@code oneLine}. */
  public static String safe(String text, boolean oneLine) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean newline = c == '\n';
      if ((Character.isISOControl(c) && c != '\t' && !(newline && !oneLine)) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A file name, or a sentence that quotes one, on one line with every character kept apart: a
   * newline or tab is shown escaped, not folded into a space, so two different files never print
   * the same.
   */
  public static String exact(String text, int max) {
    return Texts.truncate(safe(text == null ? "" : text, true).replace("\t", "\\u0009"), max);
  }

  /** One line, safe, cut to {@code max} characters. */
  public static String line(String text, int max) {
    return Texts.truncate(safe(text == null ? "" : text.replaceAll("\\s+", " ").strip(), true), max);
  }
}
