package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of prose and of identifiers, in one spelling, so that "tool calling" in a message
 * meets {@code interceptToolCalls} in the code: identifiers are split at case changes,
 * underscores, dashes and digits, everything is lower-cased and lightly stemmed.
 */
public final class Words {
  /** Two stems are related when they share this many leading letters, or all but two of the shorter. */
  private static final int MIN_SHARED_PREFIX = 4;

  private Words() {}

  /** The lower-case parts of an identifier or phrase: {@code parseHTTPHeader_v2} gives parse, http, header, v. */
  public static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        flush(part, parts);
        continue;
      }
      if (Character.isUpperCase(c) && part.length() > 0) {
        char previous = text.charAt(i - 1);
        boolean nextLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
        if (Character.isLowerCase(previous) || (Character.isUpperCase(previous) && nextLower)) {
          flush(part, parts);
        }
      }
      part.append(Character.toLowerCase(c));
    }
    flush(part, parts);
    return parts;
  }

  /** The stems of {@link #split(String)}, without duplicates, in order. */
  public static Set<String> stems(String text) {
    Set<String> stems = new LinkedHashSet<>();
    for (String word : split(text)) {
      stems.add(stem(word));
    }
    return stems;
  }

  private static void flush(StringBuilder part, List<String> parts) {
    if (part.length() > 0) {
      parts.add(part.toString());
      part.setLength(0);
    }
  }

  /** A light stem: plural, past and progressive endings removed ("hashes" and "hashing" give "hash"). */
  public static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() > 5 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 5 && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      return undouble(w.substring(0, w.length() - 3));
    }
    if (w.length() > 4 && w.endsWith("ed")) {
      return undouble(w.substring(0, w.length() - 2));
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /**
   * Whether two stems name the same thing: equal, or sharing a long enough prefix that "parse"
   * meets "parser" and "navigate" meets "navigation" while "test" and "text" stay apart.
   */
  public static boolean related(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int shorter = Math.min(a.length(), b.length());
    int needed = Math.max(MIN_SHARED_PREFIX, shorter - 2);
    if (shorter < needed) {
      return false;
    }
    for (int i = 0; i < needed; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
