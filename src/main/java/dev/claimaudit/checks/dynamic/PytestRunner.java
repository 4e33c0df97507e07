package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pytest, as {@code python -m pytest} with a JUnit XML report. The interpreter is the project's
 * virtual environment when it has one, else the first Python on PATH that has pytest.
 */
final class PytestRunner implements Runner {
  private static final List<String> VENVS = List.of(".venv/bin/python", "venv/bin/python", ".venv/Scripts/python.exe");
  private static final List<String> ON_PATH = List.of("python3", "python");
  /** The distribution's own interpreter, where pytest comes from the system packages. */
  private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

  @Override
  public String name() {
    return "pytest";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    String python = interpreter(project, budget);
    Path report = budget.scratch().resolve("pytest-" + Math.abs(project.dir().hashCode()) + ".xml");
    List<String> command = new ArrayList<>(List.of(python, "-m", "pytest", "-p", "no:cacheprovider", "-o", "junit_family=xunit1",
        "--junitxml=" + report, "-q", "-rN", "--color=no"));
    files.forEach(file -> command.add(Runs.argument(project, file)));
    Subprocess.Result result = Runs.exec(command, project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    if (!Files.isRegularFile(report)) {
      return Measurement.failed(List.of(result), Runs.noResults("pytest", result));
    }
    List<TestCase> cases;
    try {
      cases = JUnitXml.parse(report);
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), "cannot read the pytest report: " + e.getMessage());
    }
    return Runs.attribute(cases, files, testCase -> fileOf(testCase, project, files), List.of(result));
  }

  private static String fileOf(TestCase testCase, Project project, List<String> files) {
    Optional<String> byFile = Runs.resolve(testCase.file(), project, files);
    if (byFile.isPresent()) {
      return byFile.get();
    }
    String module = testCase.suite() == null || testCase.suite().isEmpty() ? testCase.name() : testCase.suite();
    for (String file : files) {
      String dotted = project.local(file).replaceAll("\\.py$", "").replace('/', '.');
      if (module.equals(dotted) || module.startsWith(dotted + ".")) {
        return file;
      }
    }
    return null;
  }

  private static String interpreter(Project project, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    List<String> candidates = new ArrayList<>();
    for (Path base : List.of(project.dir(), project.workTree())) {
      for (String venv : VENVS) {
        Path python = base.resolve(venv);
        if (Files.isExecutable(python)) {
          candidates.add(python.toString());
        }
      }
    }
    for (String name : ON_PATH) {
      Subprocess.find(name, budget.env()).ifPresent(path -> candidates.add(path.toString()));
    }
    if (Files.isExecutable(SYSTEM_PYTHON)) {
      candidates.add(SYSTEM_PYTHON.toString());
    }
    List<String> tried = candidates.stream().distinct().toList();
    for (String python : tried) {
      Instant probeDeadline = Instant.now().plusSeconds(20);
      Instant deadline = probeDeadline.isBefore(budget.deadline()) ? probeDeadline : budget.deadline();
      Subprocess.Result probe = Subprocess.run(List.of(python, "-c", "import pytest"), project.dir(), budget.env(), deadline, 4096);
      if (probe.exitCode() == 0) {
        return python;
      }
    }
    throw new Subprocess.StartFailure(tried.isEmpty() ? "pytest cannot run: no Python interpreter on PATH"
        : "pytest is not installed for any Python found (tried " + String.join(", ", tried) + ")");
  }
}
