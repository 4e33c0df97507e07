package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * pytest, as {@code python -m pytest} with a JUnit XML report. The interpreter is the project's
 * virtual environment when it has one, else the first Python on PATH that has pytest, else the
 * system's own (where pytest comes from the distribution's packages).
 */
final class PytestRunner implements Runner {
  private static final List<String> VENVS = List.of(".venv/bin/python", "venv/bin/python", ".venv/Scripts/python.exe");
  private static final List<String> ON_PATH = List.of("python3", "python");
  /** The distribution's own interpreter, where pytest comes from the system packages. */
  private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
  private static final Pattern NO_PYTEST = Pattern.compile("No module named pytest\\b");

  @Override
  public String name() {
    return "pytest";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Path report = budget.scratch().resolve("pytest-" + Math.abs(project.dir().hashCode()) + ".xml");
    List<String> tried = interpreters(project, budget);
    for (String python : tried) {
      List<String> command = new ArrayList<>(List.of(python, "-m", "pytest", "-p", "no:cacheprovider", "-o", "junit_family=xunit1",
          "--junitxml=" + report, "-q", "-rN", "--color=no"));
      files.forEach(file -> command.add(Runs.argument(project, file)));
      Subprocess.Result result = Runs.exec(command, project.dir(), budget);
      String timeout = Runs.timeoutProblem(name(), result);
      if (timeout != null) {
        return Measurement.failed(List.of(result), timeout);
      }
      if (!Files.isRegularFile(report) && NO_PYTEST.matcher(result.output()).find()) {
        continue;
      }
      if (!Files.isRegularFile(report)) {
        return Measurement.failed(List.of(result), Runs.noResults("pytest", result));
      }
      try {
        List<TestCase> cases = JUnitXml.parse(report);
        return Runs.attribute(cases, files, testCase -> fileOf(testCase, project, files), List.of(result));
      } catch (ReportException e) {
        return Measurement.failed(List.of(result), "cannot read the pytest report: " + e.getMessage());
      }
    }
    throw new Subprocess.StartFailure(tried.isEmpty() ? "pytest cannot run: no Python interpreter on PATH"
        : "pytest is not installed for any Python found (tried " + String.join(", ", tried) + ")");
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

  /** The project's virtual environment first, then the interpreters on PATH, then the system's. */
  private static List<String> interpreters(Project project, Budget budget) {
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
    return candidates.stream().distinct().toList();
  }
}
