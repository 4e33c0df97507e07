package dev.claimaudit.checks.dynamic;

import java.util.Collection;

/**
 * What a run measured for one test file, or for several added up.
 *
 * @param firstFailure the first failing or erroring case and its message, or {@code null}
 */
record Tally(int passed, int failed, int skipped, int errored, String firstFailure) {
  static final Tally NONE = new Tally(0, 0, 0, 0, null);

  static Tally of(Collection<TestCase> cases) {
    Tally tally = NONE;
    for (TestCase testCase : cases) {
      tally = tally.plus(testCase);
    }
    return tally;
  }

  Tally plus(TestCase testCase) {
    String failure = firstFailure;
    if (failure == null && (testCase.outcome() == TestCase.Outcome.FAILED || testCase.outcome() == TestCase.Outcome.ERRORED)) {
      failure = "'" + testCase.name() + "'" + (testCase.message() == null || testCase.message().isBlank() ? "" : ": " + testCase.message());
    }
    return switch (testCase.outcome()) {
      case PASSED -> new Tally(passed + 1, failed, skipped, errored, failure);
      case FAILED -> new Tally(passed, failed + 1, skipped, errored, failure);
      case SKIPPED -> new Tally(passed, failed, skipped + 1, errored, failure);
      case ERRORED -> new Tally(passed, failed, skipped, errored + 1, failure);
    };
  }

  Tally plus(Tally other) {
    return new Tally(passed + other.passed, failed + other.failed, skipped + other.skipped, errored + other.errored,
        firstFailure != null ? firstFailure : other.firstFailure);
  }

  int total() {
    return passed + failed + skipped + errored;
  }

  /** Cases that ran and did not pass. */
  int broken() {
    return failed + errored;
  }

  /** "5 passed, 1 failed, 1 skipped, 0 errored". */
  String numbers() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped, " + errored + " errored";
  }
}
