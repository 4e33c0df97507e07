package dev.claimaudit.checks.llm;

import dev.claimaudit.claims.HtmlComments;

import dev.claimaudit.text.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Text written by the change's author (PR title and body, commit messages, code, file names)
 * made fit to show a model: HTML comments, invisible characters and control characters removed,
 * and fenced so that nothing inside can pass for the prompt's own words.
 */
final class UntrustedText {
  private UntrustedText() {}

  /**
   * {@code text} without HTML comments (a comment left open hides the rest, as it does when the
   * Markdown is rendered), invisible characters and control characters other than newline and
   * tab. Newlines are kept, also those inside a removed comment, so line numbers stay true.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String uncommented = HtmlComments.strip(text);
    StringBuilder out = new StringBuilder(uncommented.length());
    for (int i = 0; i < uncommented.length(); ) {
      int codePoint = uncommented.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint == '\n' || codePoint == '\t') {
        out.append((char) codePoint);
      } else if (!invisible(codePoint) && !Character.isISOControl(codePoint)) {
        out.appendCodePoint(codePoint);
      }
    }
    return out.toString();
  }

  /** Characters that render as nothing but still reach a model: zero-width, bidi controls, tag characters, variation selectors. */
  static boolean invisible(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT
        || codePoint >= 0xFE00 && codePoint <= 0xFE0F
        || codePoint >= 0xE0100 && codePoint <= 0xE01EF
        || codePoint >= 0xE0000 && codePoint <= 0xE007F
        || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 || codePoint == 0x180E;
  }


  /** Cleaned, on one line, at most {@code max} characters. */
  static String oneLine(String text, int max) {
    String line = clean(text).replaceAll("\\s+", " ").strip();
    return Texts.truncate(line, max);
  }

  /**
   * {@code body} between markers that carry a digest of the body: the body cannot contain its
   * own closing marker, so it cannot end the fence early and speak as the prompt.
   */
  static String fence(String label, String body) {
    String nonce = sha256(label + "\n" + body).substring(0, 16);
    return "<<<BEGIN UNTRUSTED " + label + " " + nonce + ">>>\n" + body + (body.endsWith("\n") ? "" : "\n")
        + "<<<END UNTRUSTED " + label + " " + nonce + ">>>\n";
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
