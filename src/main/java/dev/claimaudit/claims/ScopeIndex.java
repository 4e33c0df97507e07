package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Many scopes, indexed by what they name, so that the ones that may cover a placeholder are found
 * by lookups instead of by asking each: a release range holds tens of thousands of claims and
 * hundreds of placeholders. The index gives the scopes that cover by their words exactly, and a
 * superset of those that cover by a path or an identifier, which the caller asks ({@link Scope#covers}).
 */
final class ScopeIndex {
  /** As {@link Terms}: two stems are related, and a name holds an identifier, only when they share this many letters. */
  private static final int PREFIX = 4;

  // Postings are lists of positions, not bit sets: a bit set as long as the list of scopes for each
  // of tens of thousands of keys would hold the heap of a release range.
  private final BitSet everything = new BitSet();
  private final Map<String, Postings> byPath = new HashMap<>();
  private final Map<String, Postings> byWord = new HashMap<>();
  /** The distinct words of {@link #byWord} under their first {@value #PREFIX} letters, lower case as {@link Terms} looks them up. */
  private final Map<String, List<String>> wordsByPrefix = new HashMap<>();
  private final Map<String, Postings> byIdentifier = new HashMap<>();
  /** Identifiers under each run of {@value #PREFIX} letters they hold: an identifier that holds a name holds its first letters. */
  private final Map<String, Postings> byIdentifierRun = new HashMap<>();

  ScopeIndex(List<Scope> scopes) {
    for (int i = 0; i < scopes.size(); i++) {
      Scope scope = scopes.get(i);
      if (scope.everything()) {
        everything.set(i);
        continue;
      }
      for (String path : scope.paths()) {
        add(byPath, Scope.normalPath(path), i);
      }
      for (String word : scope.words()) {
        if (!byWord.containsKey(word) && word.length() >= PREFIX) {
          wordsByPrefix.computeIfAbsent(word.substring(0, PREFIX).toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(word);
        }
        add(byWord, word, i);
      }
      for (String identifier : scope.identifiers()) {
        add(byIdentifier, identifier, i);
        for (int at = 0; at + PREFIX <= identifier.length(); at++) {
          add(byIdentifierRun, identifier.substring(at, at + PREFIX), i);
        }
      }
    }
  }

  private static void add(Map<String, Postings> index, String key, int i) {
    index.computeIfAbsent(key, k -> new Postings()).add(i);
  }

  /** The positions of the scopes under one key, ascending, each once. */
  private static final class Postings {
    private int[] positions = new int[2];
    private int size;

    void add(int position) {
      if (size > 0 && positions[size - 1] == position) {
        return;
      }
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
      }
      positions[size++] = position;
    }

    void addTo(BitSet found) {
      for (int i = 0; i < size; i++) {
        found.set(positions[i]);
      }
    }
  }

  /**
   * The scopes, by position, that cover a placeholder in the file at {@code path} with these
   * terms, in two parts: {@code covering}, those that cover it for sure (they name everything, or
   * one of their words is related to the terms, {@link Terms#relatedTo}), found by asking each
   * distinct word once rather than each scope; and {@code possible}, those that may cover it by a
   * path or an identifier they name, which the caller asks ({@link Scope#covers}).
   */
  Found candidates(String path, Terms terms) {
    BitSet covering = (BitSet) everything.clone();
    for (String stem : terms.stems()) {
      or(covering, byWord.get(stem));
      if (stem.length() >= PREFIX) {
        for (String word : wordsByPrefix.getOrDefault(stem.substring(0, PREFIX), List.of())) {
          if (Words.related(word, stem)) {
            or(covering, byWord.get(word));
          }
        }
      }
    }
    BitSet possible = new BitSet();
    for (String run : segmentRuns(path)) {
      or(possible, byPath.get(run));
    }
    for (String name : terms.names()) {
      for (int from = 0; from < name.length(); from++) {
        for (int to = from + 1; to <= name.length(); to++) {
          or(possible, byIdentifier.get(name.substring(from, to)));
        }
      }
      if (name.length() >= PREFIX) {
        or(possible, byIdentifierRun.get(name.substring(0, PREFIX)));
      }
    }
    possible.andNot(covering);
    return new Found(covering, possible);
  }

  /**
   * @param covering scopes that cover the placeholder
   * @param possible other scopes that may cover it, to be asked
   */
  record Found(BitSet covering, BitSet possible) {
    /** Both, for a caller that asks each scope anyway. */
    BitSet all() {
      BitSet all = (BitSet) covering.clone();
      all.or(possible);
      return all;
    }
  }

  private static void or(BitSet found, Postings more) {
    if (more != null) {
      more.addTo(found);
    }
  }

  /** Every run of whole folders and file of a path: each is a way a claim may name it ({@code src/io}, {@code io/Reader.java}). */
  private static List<String> segmentRuns(String path) {
    String[] parts = path.replace('\\', '/').split("/");
    List<String> runs = new ArrayList<>();
    for (int from = 0; from < parts.length; from++) {
      StringBuilder run = new StringBuilder();
      for (int to = from; to < parts.length; to++) {
        run.append(to > from ? "/" : "").append(parts[to]);
        runs.add(run.toString());
      }
    }
    return runs;
  }
}
