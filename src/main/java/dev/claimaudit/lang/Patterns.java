package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.List;

/** The structure of a regular expression's text, as far as the scan's speed depends on it. */
public final class Patterns {
  private Patterns() {}

  /** The alternatives of {@code regex} outside any group or character class, in order; one when it has no {@code |} there. */
  public static List<String> topLevelAlternatives(String regex) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        alternatives.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(regex.substring(start));
    return alternatives;
  }
}
