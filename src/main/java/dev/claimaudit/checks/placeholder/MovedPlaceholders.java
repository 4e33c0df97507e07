package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.KeywordIndex;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.text.Confusables;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Placeholders that only moved: a finding whose line, read without white space and trailing
 * commas, is a line the same change removes somewhere (in the same file or another, a deleted
 * one included) was there before the change and is not new. A reformatted line counts when what
 * remains of it is part of a removed line. Each removed line accounts for one finding.
 */
public final class MovedPlaceholders {
  /** Shortest line that counts as moved when it is only part of a removed line: shorter ones are too common. */
  static final int MIN_PART = 10;

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern TRAILING_COMMA = Pattern.compile(",(?=[)\\]}>])|[,;]+$");

  private final KeywordIndex keywords;
  private final List<String> removed = new ArrayList<>();

  public MovedPlaceholders(Catalog catalog) {
    this.keywords = KeywordIndex.of(catalog.rules().stream().map(Rule::keywords).toList());
  }

  /** Records the removed lines of one file that hold a keyword of some rule; safe to call from several threads. */
  public void collect(List<String> removedLines) {
    List<String> kept = new ArrayList<>();
    for (String line : removedLines) {
      if (keywords.anyIn(line) || Confusables.affects(line)) {
        kept.add(normal(line));
      }
    }
    if (!kept.isEmpty()) {
      synchronized (removed) {
        removed.addAll(kept);
      }
    }
  }

  /** {@code findings} without the placeholders that only moved, in the same order. */
  public List<Finding> withoutMoved(List<Finding> findings) {
    List<String> left;
    synchronized (removed) {
      if (removed.isEmpty()) {
        return findings;
      }
      left = new ArrayList<>(removed);
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.ruleClass() == null || finding.snippet() == null || !consume(normal(finding.snippet()), left)) {
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
      if (part < 0 && line.length() >= MIN_PART && removed.contains(line)) {
        part = i;
      }
    }
    if (part >= 0) {
      left.remove(part);
      return true;
    }
    return false;
  }

  /** A line without white space, without a comma before a closing bracket and without a trailing comma or semicolon. */
  static String normal(String line) {
    String compact = SPACE.matcher(line).replaceAll("");
    return TRAILING_COMMA.matcher(compact).replaceAll("");
  }
}
