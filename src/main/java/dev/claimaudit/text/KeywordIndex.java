package dev.claimaudit.text;

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
  private static final int ALPHABET_BITS = 7;
  /** Marks a transition into a state whose output is not empty. */
  private static final int ACCEPTING = Integer.MIN_VALUE;

  /**
   * The transitions of all states in one array, so that each character costs one load: the
   * transition of state {@code s} on {@code c} is at {@code s * 128 + c}, and holds the next
   * state times 128, or'ed with {@link #ACCEPTING} when that state's output is not empty.
   */
  private final int[] transitions;
  /** Per state, the groups one of whose keywords ends there (following suffix links included). */
  private final BitSet[] output;
  private final List<Other> others;
  private final int groups;

  /** A keyword outside ASCII and its group. */
  private record Other(int group, String keyword) {}

  private KeywordIndex(int[][] next, BitSet[] output, List<Other> others, int groups) {
    this.transitions = new int[next.length * ALPHABET];
    for (int state = 0; state < next.length; state++) {
      for (int c = 0; c < ALPHABET; c++) {
        int target = next[state][c];
        transitions[state * ALPHABET + c] = target << ALPHABET_BITS | (output[target].isEmpty() ? 0 : ACCEPTING);
      }
    }
    this.output = output;
    this.others = List.copyOf(others);
    this.groups = groups;
  }

  /** An index of one group: {@link #anyIn} tells whether a text holds any of {@code keywords}. */
  public static KeywordIndex anyOf(String... keywords) {
    return of(List.of(List.of(keywords)));
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
    int ascii = inAsciiText(text);
    return ascii >= 0 ? ascii == 1 : !groupsIn(text).isEmpty();
  }

  /**
   * What {@link #anyIn} says of an ASCII text, read in the same one pass that tells whether it is
   * one: 1 when a keyword occurs in it, 0 when none does, and -1 when a character is not ASCII (or a
   * keyword is not), which a caller reads another way (look-alikes folded first).
   */
  public int inAsciiText(String text) {
    if (!others.isEmpty()) {
      return -1;
    }
    int at = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ALPHABET) {
        return -1;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      at = transitions[at + c];
      if (at < 0) {
        for (int rest = i + 1; rest < text.length(); rest++) {
          if (text.charAt(rest) >= ALPHABET) {
            return -1;
          }
        }
        return 1;
      }
    }
    return 0;
  }

  /** Runs the automaton over an ASCII text, lowering as it goes; false when a character is not ASCII. */
  private boolean scanAscii(String text, BitSet found) {
    int at = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ALPHABET) {
        return false;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      at = transitions[at + c];
      if (at < 0) {
        at &= Integer.MAX_VALUE;
        found.or(output[at >> ALPHABET_BITS]);
      }
    }
    return true;
  }

  private void scanLowered(String lower, BitSet found) {
    int at = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      at = c < ALPHABET ? transitions[at + c] : 0;
      if (at < 0) {
        at &= Integer.MAX_VALUE;
        found.or(output[at >> ALPHABET_BITS]);
      }
    }
  }
}
