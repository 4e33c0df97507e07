package dev.claimaudit.checks.dynamic;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One way of running tests: a build tool or test runner, detected from the project. */
interface Runner {

  /** How the runner is named in notes: {@code maven}, {@code node --test}, {@code pytest}. */
  String name();

  /**
   * Runs {@code files} (repository paths, all of this project) and measures each of them.
   *
   * @throws Subprocess.StartFailure the runner is not installed or cannot start
   */
  Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException;

  /**
   * Where a project's tests run.
   *
   * @param workTree the repository's work tree, absolute and real
   * @param dir the project's folder (the one with its build file), absolute and real
   */
  record Project(Path workTree, Path dir) {

    /** {@code path} (a repository path) relative to the project folder, with {@code /}. */
    String local(String path) {
      return dir.relativize(workTree.resolve(path)).toString().replace('\\', '/');
    }

    /** The project folder as a repository path, {@code ""} at the root. */
    String repoDir() {
      return workTree.relativize(dir).toString().replace('\\', '/');
    }
  }

  /**
   * What every run shares: the scrubbed environment, the deadline, the output cap and a scratch
   * folder for reports (outside the work tree, removed after the audit).
   */
  record Budget(Map<String, String> env, Instant deadline, int maxOutput, Path scratch) {}
}
