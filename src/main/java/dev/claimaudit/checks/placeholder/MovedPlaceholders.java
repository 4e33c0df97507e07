package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.KeywordIndex;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.Confusables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      if (holdsKeyword(line)) {
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

  /** Whether a removed line may be a placeholder that moved: it holds a keyword of some rule, or a look-alike that may spell one. */
  boolean holdsKeyword(String line) {
    return keywords.anyIn(line) || Confusables.affects(line);
  }

  /** {@code findings} without the placeholders that only moved, in the same order. */
  public List<Finding> withoutMoved(List<Finding> findings) {
    Unclaimed lines;
    Unclaimed pairs;
    synchronized (removed) {
      if (removed.isEmpty()) {
        return findings;
      }
      lines = new Unclaimed(removed);
      pairs = new Unclaimed(removedPairs);
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.ruleClass() == null || finding.snippet() == null) {
        kept.add(finding);
        continue;
      }
      String line = normal(finding.snippet());
      if (line.isEmpty() || !(lines.takeEqual(line) || lines.takeReflowed(line) || pairs.takeReflowed(line))) {
        kept.add(finding);
      }
    }
    return kept;
  }

  /**
   * Removed lines (or pairs of them) not yet accounted for by a finding, in the order they were
   * recorded, found by their whole text or by their last two characters: a change that moves
   * thousands of lines has as many removed lines, which each finding must not read one by one.
   */
  private static final class Unclaimed {
    private final List<String> lines;
    private final boolean[] taken;
    private final Map<String, ArrayDeque<Integer>> byText = new HashMap<>();
    private final Map<String, List<Integer>> byEnd = new HashMap<>();

    Unclaimed(List<String> lines) {
      this.lines = List.copyOf(lines);
      this.taken = new boolean[lines.size()];
      for (int i = 0; i < this.lines.size(); i++) {
        String line = this.lines.get(i);
        byText.computeIfAbsent(line, key -> new ArrayDeque<>()).add(i);
        if (line.length() >= 2) {
          byEnd.computeIfAbsent(end(line), key -> new ArrayList<>()).add(i);
        }
      }
    }

    /** Takes the first line that is {@code line}; whether there was one. */
    boolean takeEqual(String line) {
      ArrayDeque<Integer> same = byText.get(line);
      while (same != null && !same.isEmpty()) {
        int i = same.poll();
        if (!taken[i]) {
          taken[i] = true;
          return true;
        }
      }
      return false;
    }

    /**
     * Takes the first line of which {@code line} is what is left on its own line after a reformat
     * wrapped it: its tail, and either a fragment (it starts with a closing bracket or an
     * operator) or long enough not to be a common statement such as {@code todo!()}; whether
     * there was one.
     */
    boolean takeReflowed(String line) {
      if (FRAGMENT.indexOf(line.charAt(0)) < 0 && line.length() < MIN_PART) {
        return false;
      }
      // A tail of two or more characters ends as the line does; a tail of one is looked for everywhere.
      List<Integer> candidates = line.length() >= 2 ? byEnd.getOrDefault(end(line), List.of()) : null;
      int count = candidates == null ? lines.size() : candidates.size();
      for (int k = 0; k < count; k++) {
        int i = candidates == null ? k : candidates.get(k);
        String removed = lines.get(i);
        if (!taken[i] && line.length() < removed.length() && removed.endsWith(line)) {
          taken[i] = true;
          return true;
        }
      }
      return false;
    }

    private static String end(String line) {
      return line.substring(line.length() - 2);
    }
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
