package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradle through the project's wrapper: {@code ./gradlew -p project test --tests Class …}, results
 * from the JUnit XML reports under {@code build/test-results}. Without a wrapper the Gradle version
 * is unknown, so the tests are not run.
 */
final class GradleRunner implements Runner {
  private final Path wrapper;

  GradleRunner(Path wrapper) {
    this.wrapper = wrapper;
  }

  /** The {@code gradlew} of the project's folder or of a folder above it in the work tree. */
  static java.util.Optional<Path> wrapper(Path workTree, Path projectDir) {
    Path dir = projectDir;
    while (dir != null && dir.startsWith(workTree)) {
      if (Files.isRegularFile(dir.resolve("gradlew"))) {
        return java.util.Optional.of(dir.resolve("gradlew"));
      }
      dir = dir.getParent();
    }
    return java.util.Optional.empty();
  }

  @Override
  public String name() {
    return "gradle";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Map<String, String> fileByClass = new HashMap<>();
    for (String file : files) {
      MavenRunner.className(project.local(file)).ifPresent(name -> fileByClass.put(name, file));
    }
    if (!Files.isExecutable(wrapper)) {
      throw new Subprocess.StartFailure(project.workTree().relativize(wrapper) + " is not executable");
    }
    Path root = wrapper.getParent();
    List<String> command = new ArrayList<>(List.of("./gradlew", "--no-daemon", "--console=plain", "--continue"));
    if (!root.equals(project.dir())) {
      command.addAll(List.of("-p", root.relativize(project.dir()).toString()));
    }
    command.add("test");
    fileByClass.keySet().stream().sorted().forEach(name -> command.addAll(List.of("--tests", name)));
    Instant start = Instant.now();
    Subprocess.Result result = Runs.exec(command, root, budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    List<TestCase> cases = new ArrayList<>();
    try {
      for (Path report : Runs.reports(project.dir().resolve("build/test-results"), "**/TEST-*.xml", start)) {
        cases.addAll(JUnitXml.parse(report));
      }
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), "cannot read the Gradle test reports: " + e.getMessage());
    }
    if (cases.isEmpty() && result.exitCode() != 0) {
      return Measurement.failed(List.of(result), Runs.noResults("gradlew", result));
    }
    return Runs.attribute(cases, files, testCase -> {
      String suite = testCase.suite();
      return suite == null ? null : fileByClass.get(suite.contains("$") ? suite.substring(0, suite.indexOf('$')) : suite);
    }, List.of(result));
  }
}
