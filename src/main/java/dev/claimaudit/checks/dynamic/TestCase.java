package dev.claimaudit.checks.dynamic;

/**
 * One test case as a runner reported it.
 *
 * @param file the source file the runner named, as it wrote it (absolute or relative), or {@code null}
 * @param suite the class, module, package or suite the case belongs to, or {@code null}
 * @param message the first line of the failure, or {@code null}
 */
record TestCase(String file, String suite, String name, Outcome outcome, String message) {

  enum Outcome {
    PASSED,
    FAILED,
    SKIPPED,
    /** The case could not run: a broken setup, a file that does not load, a build that fails. */
    ERRORED
  }

  TestCase withFile(String newFile) {
    return new TestCase(newFile, suite, name, outcome, message);
  }
}
