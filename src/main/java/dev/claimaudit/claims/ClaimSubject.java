package dev.claimaudit.claims;

import java.util.List;

/** The checkable content of a claim, one record per kind of evidence rule. */
public sealed interface ClaimSubject {

  /** Done, shipped, complete, implemented, fixes #N. */
  record Status(String word) implements ClaimSubject {}

  /** A path listed as added or as updated. */
  record File(String path, FileAction action) implements ClaimSubject {}

  /** "8 new + 4 updated": how many files the change says it adds and updates (-1: not said). */
  record FileCount(int added, int updated) implements ClaimSubject {}

  /** An identifier said to be added; {@code file} is {@code null} when none is named. */
  record Symbol(String name, String file) implements ClaimSubject {}

  /**
   * A statement about tests. Unstated numbers are {@code -1}.
   *
   * @param added "adds N tests"
   * @param passed "N pass"
   * @param failed "M fail"
   * @param allPass "all tests pass"
   * @param file the test file named, or {@code null}
   * @param repair the claim is that failing tests or CI were fixed ("fix flaky tests", "make CI green"),
   *     which the code may do without touching a test
   */
  record Tests(int added, int passed, int failed, boolean allPass, String file, boolean repair) implements ClaimSubject {
    public Tests(int added, int passed, int failed, boolean allPass, String file) {
      this(added, passed, failed, allPass, file, false);
    }

    /** "Fix the failing tests": nothing counted, nothing named. */
    public static Tests repaired() {
      return new Tests(-1, -1, -1, false, null, true);
    }
  }

  /** "No TODOs left", "no stubs": nothing of {@code target} is added. */
  record Absence(AbsenceTarget target) implements ClaimSubject {}

  /** "Quarantine reasons (11): a, b, c": the count must match the items listed. */
  record Enumeration(String label, int count, List<String> items) implements ClaimSubject {}

  enum FileAction {
    /** Listed as new: must be added in the range. */
    ADDED,
    /** Listed as updated: must be modified in the range. */
    UPDATED,
    /** Listed under a heading that mixes both: must be added or modified. */
    CHANGED,
    /** Said to be removed: must be gone at head. */
    REMOVED
  }

  enum AbsenceTarget {
    /** "No TODOs": markers and the hard stubs that spell TODO. */
    MARKERS,
    /** "No stubs": hard stubs. */
    STUBS,
    /** "No placeholders": anything in the catalog. */
    PLACEHOLDERS,
    /** "No skipped tests": test evasion. */
    SKIPPED_TESTS
  }
}
