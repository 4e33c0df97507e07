package dev.claimaudit.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds the letters that look like Latin letters to them and drops the characters that do not
 * show, so that {@code todo!()} spelt with a Cyrillic {@code о}, or {@code not implemented} with a
 * zero-width space inside, reads as what a reviewer sees. A small table of the look-alikes of the
 * Unicode confusables list that matter for code (Cyrillic, Greek, Armenian, a few Latin ones),
 * plus compatibility normalisation (NFKC) for fullwidth, mathematical and circled letters and
 * digits; it folds letters and digits only, so that a look-alike quote or slash does not change
 * where a string or a comment ends.
 */
public final class Confusables {
  private static final Map<Integer, Character> TABLE = table();

  private Confusables() {}

  private static Map<Integer, Character> table() {
    Map<Integer, Character> map = new HashMap<>();
    // Cyrillic
    put(map, "аa еe оo рp сc уy хx іi јj ѕs һh ԁd ԛq ԝw ӏl ьb ɡg");
    put(map, "АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ІI ЈJ ЅS ԚQ ԜW ҮY ӀI");
    // Greek
    put(map, "αa οo νv ρp ιi κk υu χx γy");
    put(map, "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX");
    // Armenian
    put(map, "օo սu հh ոn ցg զq");
    // Latin look-alikes that compatibility normalisation leaves alone
    put(map, "ıi ȷj ℓl ǀl ꞵb ʀR ɪI ᴀA ᴄC ᴅD ᴇE ᴋK ᴍM ᴏO ᴘP ᴛT ᴜU ᴠV ᴡW ᴢZ");
    return Map.copyOf(map);
  }

  /** Pairs of a look-alike followed by its Latin letter, separated by spaces. */
  private static void put(Map<Integer, Character> map, String pairs) {
    for (String pair : pairs.split(" ")) {
      int lookAlike = pair.codePointAt(0);
      map.put(lookAlike, pair.charAt(Character.charCount(lookAlike)));
    }
  }

  /**
   * Whether a code point shows nothing: zero-width spaces and joiners, bidirectional controls,
   * the soft hyphen, word joiners, variation selectors, tag characters, fillers.
   */
  public static boolean invisible(int codePoint) {
    return codePoint == 0x00AD || codePoint == 0x034F || codePoint == 0x061C || codePoint == 0x115F || codePoint == 0x1160
        || codePoint == 0x17B4 || codePoint == 0x17B5 || codePoint == 0x180E || (codePoint >= 0x200B && codePoint <= 0x200F)
        || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2060 && codePoint <= 0x206F) || codePoint == 0x3164
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || codePoint == 0xFEFF || codePoint == 0xFFA0
        || (codePoint >= 0xE0000 && codePoint <= 0xE007F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
  }

  /**
   * The ASCII letter or digit a code point is a look-alike of, or -1 when it is none (ASCII itself
   * included).
   */
  public static int fold(int codePoint) {
    if (codePoint < 0x80) {
      return -1;
    }
    Character mapped = TABLE.get(codePoint);
    if (mapped != null) {
      return mapped;
    }
    if (!Character.isLetterOrDigit(codePoint) && Character.getType(codePoint) != Character.OTHER_SYMBOL) {
      return -1;
    }
    String normal = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
    if (normal.length() == 1 && normal.charAt(0) < 0x80 && Character.isLetterOrDigit(normal.charAt(0))) {
      return normal.charAt(0);
    }
    return -1;
  }

  /** Whether {@code text} holds a character {@link #fold} or {@link #invisible} would change. */
  public static boolean affects(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        int codePoint = Character.codePointAt(text, i);
        if (invisible(codePoint) || fold(codePoint) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code text} with look-alikes folded and invisible characters dropped. */
  public static String skeleton(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int codePoint = Character.codePointAt(text, i);
      i += Character.charCount(codePoint);
      if (invisible(codePoint)) {
        continue;
      }
      int folded = fold(codePoint);
      if (folded >= 0) {
        out.append((char) folded);
      } else {
        out.appendCodePoint(codePoint);
      }
    }
    return out.toString();
  }
}
