package dev.claimaudit.checks.dynamic;

import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.lang.TestFiles;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.git.ChangeType;
import dev.claimaudit.git.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The test files to run: those the change adds or modifies, and those its test claims name. A
 * file in a test folder that declares no test (a helper, a fixture) is not expected to run
 * unless a claim names it.
 */
final class Selection {

  /**
   * One file to run.
   *
   * @param added the change adds it (rather than modifying an existing file)
   * @param claimed a test claim names it
   * @param declared test cases declared in it, counted without running it; -1 when unknown
   */
  record Target(String path, boolean added, boolean claimed, int declared) {}

  private final Map<String, Target> targets;
  private final Map<String, String> claimedFiles;
  private final int helpers;

  private Selection(Map<String, Target> targets, Map<String, String> claimedFiles, int helpers) {
    this.targets = targets;
    this.claimedFiles = claimedFiles;
    this.helpers = helpers;
  }

  static Selection of(AuditContext context) {
    List<String> headPaths = context.changeSet().headPaths();
    Map<String, String> claimedFiles = new LinkedHashMap<>();
    for (Claim claim : context.claims()) {
      if (claim.subject() instanceof ClaimSubject.Tests tests && tests.file() != null) {
        resolve(tests.file(), headPaths).ifPresent(path -> claimedFiles.put(claim.id(), path));
      }
    }
    Map<String, Boolean> candidates = new LinkedHashMap<>();
    for (FileChange file : context.changeSet().files()) {
      if (file.type() == ChangeType.DELETED || file.skip().isPresent() || context.ignored().matches(file.path())) {
        continue;
      }
      boolean added = file.type() == ChangeType.ADDED || file.type() == ChangeType.COPIED;
      if (TestFiles.isTest(file.path()) || rustSourceWithTests(file.path())) {
        candidates.put(file.path(), added);
      }
    }
    for (String path : claimedFiles.values()) {
      candidates.putIfAbsent(path, false);
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    int helpers = 0;
    for (Map.Entry<String, Boolean> candidate : new java.util.TreeMap<>(candidates).entrySet()) {
      String path = candidate.getKey();
      boolean claimed = claimedFiles.containsValue(path);
      Optional<String> content = context.changeSet().readAtHead(path);
      if (content.isEmpty()) {
        continue;
      }
      int declared = TestCounter.countInFile(path, content.get()).orElse(-1);
      if (declared == 0 && !claimed) {
        helpers += TestFiles.isTest(path) ? 1 : 0;
        continue;
      }
      targets.put(path, new Target(path, candidate.getValue(), claimed, declared));
    }
    return new Selection(targets, claimedFiles, helpers);
  }

  /** Rust unit tests live beside the code, so a changed source file that declares tests is a test file too. */
  private static boolean rustSourceWithTests(String path) {
    return path.endsWith(".rs") && (path.startsWith("src/") || path.contains("/src/"));
  }

  /** The repository path a claim's file means: the path itself, else the one path ending with it. */
  static Optional<String> resolve(String written, List<String> headPaths) {
    String path = written.strip();
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
      return Optional.empty();
    }
    if (headPaths.contains(path)) {
      return Optional.of(path);
    }
    String suffix = "/" + path;
    TreeSet<String> matches = new TreeSet<>();
    for (String known : headPaths) {
      if (known.endsWith(suffix)) {
        matches.add(known);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.first()) : Optional.empty();
  }

  List<Target> targets() {
    return new ArrayList<>(targets.values());
  }

  Optional<Target> target(String path) {
    return Optional.ofNullable(targets.get(path));
  }

  /** The file the claim names, resolved, if it names one. */
  Optional<String> claimedFile(String claimId) {
    return Optional.ofNullable(claimedFiles.get(claimId));
  }

  /** Files in test folders that declare no test and were left out. */
  int helpers() {
    return helpers;
  }
}
