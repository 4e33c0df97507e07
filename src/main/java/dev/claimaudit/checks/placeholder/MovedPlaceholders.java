package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.KeywordIndex;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.Confusables;
import java.util.ArrayList;
import java.util.List;

/**
 * Placeholders that only moved: a finding whose line, read without white space and trailing
 * commas, is a line the same change removes somewhere (in the same file or another, a deleted
 * one included) was there before the change and is not new. A reformatted line counts when what is
 * left of it is the tail of a removed line. Each removed line accounts for one finding.
 */
public final class MovedPlaceholders {
  /**
   * Shortest tail of a removed line that counts as the same line reflowed when it does not start
   * as a fragment: shorter ones ({@code todo!()}, {@code raise NotImplementedError}) are too common.
   */
  static final int MIN_PART = 28;
  /** Characters a wrapped line's tail starts with. */
  private static final String FRAGMENT = ")]}.,:=-+*/&|?>";

  /** Closing brackets a comma before is dropped at. */
  private static final String CLOSING = ")]}>";

  private final KeywordIndex keywords;
  private final List<String> removed = new ArrayList<>();
  /** Each removed line that holds a keyword joined to the removed line before it: a statement already wrapped before the change. */
  private final List<String> removedPairs = new ArrayList<>();

  public MovedPlaceholders(Catalog catalog) {
    this.keywords = KeywordIndex.of(catalog.rules().stream().map(Rule::keywords).toList());
  }

  /** Records the removed lines of one file that hold a keyword of some rule; safe to call from several threads. */
  public void collect(List<String> removedLines) {
    List<String> kept = new ArrayList<>();
    List<String> joined = new ArrayList<>();
    String previous = null;
    for (String line : removedLines) {
      if (keywords.anyIn(line) || Confusables.affects(line)) {
        kept.add(normal(line));
        if (previous != null) {
          joined.add(normal(previous + line));
        }
      }
      previous = line;
    }
    if (!kept.isEmpty()) {
      synchronized (removed) {
        removed.addAll(kept);
        removedPairs.addAll(joined);
      }
    }
  }

  /** {@code findings} without the placeholders that only moved, in the same order. */
  public List<Finding> withoutMoved(List<Finding> findings) {
    List<String> left;
    List<String> pairs;
    synchronized (removed) {
      if (removed.isEmpty()) {
        return findings;
      }
      left = new ArrayList<>(removed);
      pairs = new ArrayList<>(removedPairs);
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.ruleClass() == null || finding.snippet() == null) {
        kept.add(finding);
        continue;
      }
      String line = normal(finding.snippet());
      if (!consume(line, left) && !consumeTail(line, pairs)) {
        kept.add(finding);
      }
    }
    return kept;
  }

  /** Takes the removed line that {@code line} is, or is part of, out of {@code left}; whether there was one. */
  private static boolean consume(String line, List<String> left) {
    if (line.isEmpty()) {
      return false;
    }
    int part = -1;
    for (int i = 0; i < left.size(); i++) {
      String removed = left.get(i);
      if (removed.equals(line)) {
        left.remove(i);
        return true;
      }
      if (part < 0 && reflowed(line, removed)) {
        part = i;
      }
    }
    if (part >= 0) {
      left.remove(part);
      return true;
    }
    return false;
  }

  /** Takes the joined pair of removed lines whose tail {@code line} is out of {@code pairs}; whether there was one. */
  private static boolean consumeTail(String line, List<String> pairs) {
    for (int i = 0; i < pairs.size(); i++) {
      if (reflowed(line, pairs.get(i))) {
        pairs.remove(i);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code line} is what is left on its own line of {@code removed} after a reformat wrapped
   * it: its tail, and either a fragment (it starts with a closing bracket or an operator) or long
   * enough not to be a common statement such as {@code todo!()}.
   */
  private static boolean reflowed(String line, String removed) {
    if (line.length() >= removed.length() || !removed.endsWith(line)) {
      return false;
    }
    return FRAGMENT.indexOf(line.charAt(0)) >= 0 || line.length() >= MIN_PART;
  }

  /**
   * A line without white space, without a comma before a closing bracket and without a trailing
   * comma or semicolon; in one pass, since every removed line with a keyword is read so.
   */
  static String normal(String line) {
    StringBuilder compact = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!isSpace(c)) {
        compact.append(c);
      }
    }
    StringBuilder normal = new StringBuilder(compact.length());
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c != ',' || i + 1 == compact.length() || CLOSING.indexOf(compact.charAt(i + 1)) < 0) {
        normal.append(c);
      }
    }
    int end = normal.length();
    while (end > 0 && (normal.charAt(end - 1) == ',' || normal.charAt(end - 1) == ';')) {
      end--;
    }
    return normal.substring(0, end);
  }

  /** White space as {@code \s} in a pattern matches it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
