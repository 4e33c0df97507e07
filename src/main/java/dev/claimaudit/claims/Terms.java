package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The stems and names of a place in the code (a placeholder's symbols and file) or of a whole
 * change (every part of every changed path), looked up by a claim's words. Stems are indexed by
 * their first letters, since two stems are related only when they share at least that many:
 * thousands of claims are matched against thousands of paths without comparing every pair.
 */
final class Terms {
  private static final int PREFIX = 4;

  private final Set<String> stems = new HashSet<>();
  private final Map<String, List<String>> byPrefix = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  /** Every way a path names a changed file or folder: each path from any folder down, and each run of folders. */
  private final Set<String> pathKeys = new HashSet<>();
  /**
   * The answers of {@link #relatedTo} and {@link #holds} so far, for a site's terms: thousands of
   * claims ask one site about the same few words. A site's terms are asked by one thread only.
   */
  private final Answers related;
  private final Answers held;

  private Terms(boolean remembered) {
    related = remembered ? new Answers(this::isRelatedTo) : null;
    held = remembered ? new Answers(this::isHeld) : null;
  }

  /** A question about a word, each answer given once. */
  private static final class Answers {
    private final Map<String, Boolean> known = new HashMap<>();
    private final Predicate<String> question;

    Answers(Predicate<String> question) {
      this.question = question;
    }

    boolean ask(String word) {
      Boolean answer = known.get(word);
      if (answer == null) {
        answer = question.test(word);
        known.put(word, answer);
      }
      return answer;
    }
  }

  /** The terms of a placeholder's site: the names around it and the name of its file. */
  static Terms of(Site site) {
    Terms terms = new Terms(true);
    for (String name : site.symbols()) {
      terms.addName(name);
    }
    terms.addStems(Scope.fileName(site.path()));
    return terms;
  }

  /** The terms of a change's placeholders: the names of their sites. */
  static Terms ofSites(Iterable<Site> sites) {
    Terms terms = new Terms(false);
    for (Site site : sites) {
      for (String name : site.symbols()) {
        terms.addName(name);
      }
    }
    return terms;
  }

  /**
   * The terms of a change's paths: every part of every changed path, and every run of its parts
   * as a path to name. A folder's runs are the same for every file in it and are added with its
   * first file; each further file adds only the runs that end in its own name.
   */
  static Terms ofPaths(Iterable<String> paths) {
    Terms terms = new Terms(false);
    // Folders recur in path after path: each part's stems and name are added once.
    Set<String> partsSeen = new HashSet<>();
    Set<String> foldersSeen = new HashSet<>();
    for (String path : paths) {
      String[] parts = path.replace('\\', '/').split("/");
      String joined = String.join("/", parts);
      int[] starts = new int[parts.length];
      for (int i = 1; i < parts.length; i++) {
        starts[i] = starts[i - 1] + parts[i - 1].length() + 1;
      }
      for (String part : parts) {
        if (partsSeen.add(part)) {
          terms.addStems(part);
          int dot = part.indexOf('.');
          terms.names.add(Scope.normal(dot > 0 ? part.substring(0, dot) : part));
        }
      }
      int last = parts.length - 1;
      boolean newFolder = last > 0 && foldersSeen.add(joined.substring(0, starts[last] - 1));
      for (int i = 0; i <= last; i++) {
        for (int j = i; newFolder && j < last; j++) {
          terms.pathKeys.add(joined.substring(starts[i], starts[j] + parts[j].length()));
        }
        terms.pathKeys.add(joined.substring(starts[i]));
      }
    }
    return terms;
  }

  private void addName(String name) {
    names.add(Scope.normal(name));
    addStems(name);
  }

  private void addStems(String text) {
    for (String stem : Words.stems(text)) {
      if (stems.add(stem) && stem.length() >= PREFIX) {
        byPrefix.computeIfAbsent(stem.substring(0, PREFIX), key -> new ArrayList<>()).add(stem);
      }
    }
  }

  Set<String> stems() {
    return stems;
  }

  Set<String> names() {
    return names;
  }

  /** Whether a stem of these terms is related to {@code word} ({@link Words#related}). */
  boolean relatedTo(String word) {
    return related == null ? isRelatedTo(word) : related.ask(word);
  }

  private boolean isRelatedTo(String word) {
    if (stems.contains(word)) {
      return true;
    }
    if (word.length() < PREFIX) {
      return false;
    }
    for (String stem : byPrefix.getOrDefault(word.substring(0, PREFIX).toLowerCase(Locale.ROOT), List.of())) {
      if (Words.related(word, stem)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a name holds {@code identifier}, or is held in it (normalised: lower case, letters and digits). */
  boolean holds(String identifier) {
    return held == null ? isHeld(identifier) : held.ask(identifier);
  }

  private boolean isHeld(String identifier) {
    if (names.contains(identifier)) {
      return true;
    }
    for (String name : names) {
      if (name.contains(identifier) || (name.length() >= PREFIX && identifier.contains(name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} (relative, {@code /}-separated) is a changed file, or a folder that holds one, at any depth. */
  boolean namesPath(String path) {
    return pathKeys.contains(path);
  }

  /** Whether a name is exactly {@code identifier}, normalised. */
  boolean named(String identifier) {
    return names.contains(identifier);
  }
}
