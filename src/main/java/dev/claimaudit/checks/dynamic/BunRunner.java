package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bun's own runner: {@code bun test} with its JUnit XML report, which names each case's file. */
final class BunRunner implements Runner {

  @Override
  public String name() {
    return "bun test";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Path report = budget.scratch().resolve("bun-" + Math.abs(project.dir().hashCode()) + ".xml");
    List<String> command = new ArrayList<>(List.of("bun", "test", "--reporter=junit", "--reporter-outfile=" + report));
    files.forEach(file -> command.add(Runs.argument(project, file)));
    Subprocess.Result result = Runs.exec(command, project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    if (!Files.isRegularFile(report)) {
      return Measurement.failed(List.of(result), Runs.noResults("bun test", result));
    }
    try {
      List<TestCase> cases = JUnitXml.parse(report);
      return Runs.attribute(cases, files, testCase -> Runs.resolve(testCase.file() != null ? testCase.file() : testCase.suite(), project, files)
          .orElse(null), List.of(result));
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), "cannot read the bun test report: " + e.getMessage());
    }
  }
}
