package dev.claimaudit.checks.claims;

import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves a path as a claim wrote it to a repository path: exact, then by unique basename or suffix. */
final class PathResolver {
  private final ChangeSet changeSet;
  private final Map<String, FileChange> changes;
  /** Claims name the same file many times (once per test file or finding checked); each is resolved once. */
  private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();
  /** The tree at head is listed only when a claim names a path: most audits never need it. */
  private Set<String> headPaths;
  /** Every known path by its last segment: a suffix match shares it, so a claim looks at a few paths, not all. */
  private Map<String, List<String>> byFileName;

  PathResolver(ChangeSet changeSet) {
    this.changeSet = changeSet;
    this.changes = changeSet.files().stream().collect(Collectors.toMap(FileChange::path, Function.identity(), (a, b) -> a));
  }

  private synchronized Set<String> headPaths() {
    if (headPaths == null) {
      headPaths = new HashSet<>(changeSet.headPaths());
      byFileName = new HashMap<>();
      List<String> all = new ArrayList<>(headPaths);
      all.addAll(changes.keySet());
      for (String known : all) {
        byFileName.computeIfAbsent(fileName(known), name -> new ArrayList<>()).add(known);
      }
    }
    return headPaths;
  }

  private synchronized List<String> sameFileName(String path) {
    headPaths();
    return byFileName.getOrDefault(fileName(path), List.of());
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The outcome of resolving one claimed path. */
  sealed interface Resolution {
    record Found(String path) implements Resolution {}

    record Missing(String written) implements Resolution {}

    record Ambiguous(List<String> candidates) implements Resolution {}

    record Outside(String written) implements Resolution {}
  }

  /** Safe to call from several threads; a path two threads resolve at once is looked up twice, to the same result. */
  Resolution resolve(String written) {
    Resolution resolution = resolved.get(written);
    if (resolution == null) {
      resolution = lookUp(written);
      Resolution earlier = resolved.putIfAbsent(written, resolution);
      resolution = earlier != null ? earlier : resolution;
    }
    return resolution;
  }

  private Resolution lookUp(String written) {
    String path = written.strip();
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.startsWith("/") || path.startsWith("~") || path.contains("://") || path.contains("\\") || hasParentSegment(path)) {
      return new Resolution.Outside(written);
    }
    if (changes.containsKey(path) || headPaths().contains(path)) {
      return new Resolution.Found(path);
    }
    String suffix = "/" + path;
    Set<String> candidates = new TreeSet<>();
    for (String known : sameFileName(path)) {
      if (known.endsWith(suffix) || (!path.contains("/") && known.equals(path))) {
        candidates.add(known);
      }
    }
    if (candidates.size() == 1) {
      return new Resolution.Found(candidates.iterator().next());
    }
    if (candidates.size() > 1) {
      return new Resolution.Ambiguous(List.copyOf(candidates));
    }
    return new Resolution.Missing(path);
  }

  Optional<FileChange> change(String path) {
    return Optional.ofNullable(changes.get(path));
  }

  boolean existsAtHead(String path) {
    return headPaths().contains(path);
  }

  private static boolean hasParentSegment(String path) {
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
