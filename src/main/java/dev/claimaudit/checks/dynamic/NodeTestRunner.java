package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's built-in runner: {@code node --test --test-reporter=tap}, one file per process so every
 * case belongs to its file. Node reports a file that declares no test, or that does not load, as
 * one test named by the file's path; that is not a test of the change.
 */
final class NodeTestRunner implements Runner {

  @Override
  public String name() {
    return "node --test";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    List<Subprocess.Result> results = new ArrayList<>();
    int index = 0;
    for (String file : files) {
      Path tap = budget.scratch().resolve("node-" + index++ + ".tap");
      List<String> command = List.of("node", "--test", "--test-reporter=tap", "--test-reporter-destination=" + tap, Runs.argument(project, file));
      Subprocess.Result result = Runs.exec(command, project.dir(), budget);
      results.add(result);
      String timeout = Runs.timeoutProblem(name() + " " + file, result);
      if (timeout != null) {
        return new Measurement(tallies, Tally.NONE, results, timeout);
      }
      String text;
      try {
        text = Files.isRegularFile(tap) ? Runs.text(tap, JUnitXml.MAX_BYTES) : null;
      } catch (IOException e) {
        text = null;
      }
      if (text == null || text.isBlank()) {
        return new Measurement(tallies, Tally.NONE, results, Runs.noResults("node --test " + file, result));
      }
      Path absolute = project.workTree().resolve(file);
      Tally tally = Tally.NONE;
      for (TestCase testCase : Tap.parse(text)) {
        if (names(testCase, absolute, project.local(file))) {
          if (testCase.outcome() != TestCase.Outcome.PASSED) {
            String tail = result.tail(2);
            tally = tally.plus(new TestCase(file, null, file, TestCase.Outcome.ERRORED, tail.isEmpty() ? "the file did not load" : tail));
          }
          continue;
        }
        tally = tally.plus(testCase.withFile(file));
      }
      tallies.put(file, tally);
    }
    return new Measurement(tallies, Tally.NONE, results, null);
  }

  /** Whether the case is node's stand-in for the file itself. */
  private static boolean names(TestCase testCase, Path absolute, String local) {
    String name = testCase.name();
    return name.equals(absolute.toString()) || name.equals(local) || name.equals("./" + local) || name.endsWith("/" + local) && name.startsWith("/");
  }
}
