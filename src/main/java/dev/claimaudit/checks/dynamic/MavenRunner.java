package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maven with Surefire: {@code mvn test -Dtest=Class,…} (the project's {@code mvnw} when it has one),
 * results from the {@code TEST-*.xml} reports the run writes. A module of a multi-module build runs
 * from the top with {@code -pl module -am}, so the modules it depends on are built first.
 */
final class MavenRunner implements Runner {
  /** A module's build file is read only this far to see whether it lists the module. */
  private static final long MAX_POM_BYTES = 4L * 1024 * 1024;
  private static final List<String> TEST_ROOTS = List.of("src/test/java/", "src/test/kotlin/", "src/test/groovy/", "src/test/scala/");

  @Override
  public String name() {
    return "maven";
  }

  /** The test class a file under a module's test sources declares, by Maven's layout. */
  static Optional<String> className(String local) {
    for (String root : TEST_ROOTS) {
      if (local.startsWith(root)) {
        String rest = local.substring(root.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
          return Optional.empty();
        }
        String name = rest.substring(0, dot).replace('/', '.');
        return name.matches("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*") ? Optional.of(name) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Map<String, String> fileByClass = new HashMap<>();
    for (String file : files) {
      className(project.local(file)).ifPresent(name -> fileByClass.put(name, file));
    }
    Path root = buildRoot(project);
    List<String> command = new ArrayList<>();
    command.add(Files.isExecutable(root.resolve("mvnw")) ? "./mvnw" : "mvn");
    command.addAll(List.of("-B", "-Dstyle.color=never", "-Dtest=" + String.join(",", fileByClass.keySet().stream().sorted().toList()),
        "-DfailIfNoTests=false", "-Dsurefire.failIfNoSpecifiedTests=false", "-Dmaven.test.failure.ignore=true"));
    if (!root.equals(project.dir())) {
      command.addAll(List.of("-pl", root.relativize(project.dir()).toString().replace('\\', '/'), "-am"));
    }
    command.add("test");
    Instant start = Instant.now();
    Subprocess.Result result = Runs.exec(command, root, budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    if (result.exitCode() != 0) {
      return Measurement.failed(List.of(result), Runs.noResults(command.get(0), result));
    }
    List<TestCase> cases = new ArrayList<>();
    try {
      for (Path report : Runs.reports(project.dir().resolve("target"), "surefire-reports/TEST-*.xml", start)) {
        cases.addAll(JUnitXml.parse(report));
      }
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), "cannot read the Surefire reports: " + e.getMessage());
    }
    return Runs.attribute(cases, files, testCase -> fileByClass.get(outerClass(testCase.suite())), List.of(result));
  }

  private static String outerClass(String className) {
    if (className == null) {
      return null;
    }
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  /** The top of the multi-module build the project belongs to: parents whose pom lists the folder below as a module. */
  private static Path buildRoot(Project project) {
    Path dir = project.dir();
    while (!dir.equals(project.workTree()) && dir.getParent() != null) {
      Path parentPom = dir.getParent().resolve("pom.xml");
      if (!Files.isRegularFile(parentPom) || !listsModule(parentPom, dir.getFileName().toString())) {
        break;
      }
      dir = dir.getParent();
    }
    return dir;
  }

  private static boolean listsModule(Path pom, String module) {
    try {
      String text = Runs.text(pom, MAX_POM_BYTES);
      return text.matches("(?s).*<module>\\s*(?:\\./)?" + java.util.regex.Pattern.quote(module) + "/?\\s*</module>.*");
    } catch (IOException e) {
      return false;
    }
  }
}
