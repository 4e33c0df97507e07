package dev.claimaudit.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Finds which groups of keywords occur in a line, in one pass over its characters, whatever the
 * number of keywords (an Aho–Corasick automaton). A group is the keyword list of one rule.
 *
 * <p>Matching is as {@code line.toLowerCase(Locale.ROOT).contains(keyword)} for each keyword.
 * An ASCII line is lowered on the fly without a copy; any other line is lowered as a string
 * first, because lowering some characters outside ASCII yields ASCII letters or changes the
 * length. The automaton holds the ASCII keywords (all of the built-in ones); a keyword with other
 * characters, from a user rule, is looked for in the lowered line with {@link String#contains}.
 */
public final class KeywordIndex {
  /** Transitions on ASCII characters; every other character leads back to the root. */
  private static final int ALPHABET = 128;

  private final int[][] next;
  /** Per state, the groups one of whose keywords ends there (following suffix links included). */
  private final BitSet[] output;
  /** Per state, whether its output is not empty: the test on the path every character takes. */
  private final boolean[] accepting;
  private final List<Other> others;
  private final int groups;

  /** A keyword outside ASCII and its group. */
  private record Other(int group, String keyword) {}

  private KeywordIndex(int[][] next, BitSet[] output, List<Other> others, int groups) {
    this.next = next;
    this.output = output;
    this.accepting = new boolean[output.length];
    for (int state = 0; state < output.length; state++) {
      accepting[state] = !output[state].isEmpty();
    }
    this.others = List.copyOf(others);
    this.groups = groups;
  }

  /** An index of {@code keywordGroups}: group {@code i} matches when any of its keywords occurs. */
  public static KeywordIndex of(List<List<String>> keywordGroups) {
    List<int[]> goTo = new ArrayList<>();
    List<BitSet> ends = new ArrayList<>();
    List<Other> others = new ArrayList<>();
    goTo.add(newState());
    ends.add(new BitSet());
    for (int group = 0; group < keywordGroups.size(); group++) {
      for (String keyword : keywordGroups.get(group)) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || !lower.chars().allMatch(c -> c < ALPHABET)) {
          others.add(new Other(group, lower));
          continue;
        }
        int state = 0;
        for (int i = 0; i < lower.length(); i++) {
          char c = lower.charAt(i);
          if (goTo.get(state)[c] < 0) {
            goTo.get(state)[c] = goTo.size();
            goTo.add(newState());
            ends.add(new BitSet());
          }
          state = goTo.get(state)[c];
        }
        ends.get(state).set(group);
      }
    }
    return build(goTo, ends, others, keywordGroups.size());
  }

  private static int[] newState() {
    int[] state = new int[ALPHABET];
    Arrays.fill(state, -1);
    return state;
  }

  /** Completes the trie into an automaton: failure links, folded into the transitions. */
  private static KeywordIndex build(List<int[]> goTo, List<BitSet> ends, List<Other> others, int groups) {
    int[][] next = goTo.toArray(new int[0][]);
    BitSet[] output = ends.toArray(new BitSet[0]);
    int[] fail = new int[next.length];
    Queue<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      if (next[0][c] < 0) {
        next[0][c] = 0;
      } else {
        fail[next[0][c]] = 0;
        queue.add(next[0][c]);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.remove();
      output[state].or(output[fail[state]]);
      for (int c = 0; c < ALPHABET; c++) {
        int child = next[state][c];
        if (child < 0) {
          next[state][c] = next[fail[state]][c];
        } else {
          fail[child] = next[fail[state]][c];
          queue.add(child);
        }
      }
    }
    return new KeywordIndex(next, output, others, groups);
  }

  public int groups() {
    return groups;
  }

  /** The groups with a keyword in {@code text}; empty when none. */
  public BitSet groupsIn(String text) {
    BitSet found = new BitSet(groups);
    String lower = null;
    if (!scanAscii(text, found)) {
      found.clear();
      lower = text.toLowerCase(Locale.ROOT);
      scanLowered(lower, found);
    }
    if (!others.isEmpty()) {
      lower = lower != null ? lower : text.toLowerCase(Locale.ROOT);
      for (Other other : others) {
        if (lower.contains(other.keyword())) {
          found.set(other.group());
        }
      }
    }
    return found;
  }

  /** Whether any keyword occurs in {@code text}; allocates nothing for an ASCII text. */
  public boolean anyIn(String text) {
    if (!others.isEmpty()) {
      return !groupsIn(text).isEmpty();
    }
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ALPHABET) {
        return !groupsIn(text).isEmpty();
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      state = next[state][c];
      if (accepting[state]) {
        return true;
      }
    }
    return false;
  }

  /** Runs the automaton over an ASCII text, lowering as it goes; false when a character is not ASCII. */
  private boolean scanAscii(String text, BitSet found) {
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ALPHABET) {
        return false;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      state = next[state][c];
      if (accepting[state]) {
        found.or(output[state]);
      }
    }
    return true;
  }

  private void scanLowered(String lower, BitSet found) {
    int state = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      state = c < ALPHABET ? next[state][c] : 0;
      if (accepting[state]) {
        found.or(output[state]);
      }
    }
  }
}
