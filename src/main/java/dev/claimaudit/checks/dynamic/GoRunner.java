package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go test -json -run '^(TestA|TestB)$' ./pkg …} from the module's folder: only the tests the
 * changed files declare run, and each reported test is tied back to its file by package and name.
 */
final class GoRunner implements Runner {
  private static final long MAX_GO_MOD_BYTES = 1024 * 1024;
  private static final Pattern TEST_FUNC = Pattern.compile("(?m)^func\\s+((?:Test|Fuzz)[A-Z0-9_]\\w*|Test|Fuzz)\\s*\\(");
  private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)\"?\\s*$");

  @Override
  public String name() {
    return "go test";
  }

  /** The test functions a Go test file declares. */
  static List<String> testNames(String source) {
    List<String> names = new ArrayList<>();
    Matcher matcher = TEST_FUNC.matcher(source);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    String module = modulePath(project.dir());
    Map<String, String> fileByTest = new HashMap<>();
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> packages = new TreeSet<>();
    for (String file : files) {
      String local = project.local(file);
      String dir = local.contains("/") ? local.substring(0, local.lastIndexOf('/')) : "";
      packages.add(dir.isEmpty() ? "." : "./" + dir);
      String importPath = dir.isEmpty() ? module : module + "/" + dir;
      for (String name : testNames(read(project.workTree().resolve(file)))) {
        names.add(name);
        fileByTest.put(importPath + "\u0000" + name, file);
      }
    }
    List<String> command = new ArrayList<>(List.of("go", "test", "-json", "-count=1", "-run", "^(" + String.join("|", names) + ")$"));
    command.addAll(packages);
    Subprocess.Result result = Runs.exec(command, project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    List<TestCase> cases = JsonReports.goTest(result.output());
    if (cases.isEmpty() && result.exitCode() != 0) {
      return Measurement.failed(List.of(result), Runs.noResults("go test", result));
    }
    if (result.truncated()) {
      return Measurement.failed(List.of(result), "go test printed more than dynamic.maxOutput, so its report is incomplete");
    }
    Map<String, String> fileByPackage = new HashMap<>();
    for (String file : files) {
      String local = project.local(file);
      String dir = local.contains("/") ? local.substring(0, local.lastIndexOf('/')) : "";
      fileByPackage.merge(dir.isEmpty() ? module : module + "/" + dir, file, (a, b) -> a);
    }
    return Runs.attribute(cases, files, testCase -> {
      String file = fileByTest.get(testCase.suite() + "\u0000" + testCase.name());
      return file != null || testCase.outcome() != TestCase.Outcome.ERRORED ? file : fileByPackage.get(testCase.suite());
    }, List.of(result));
  }

  private static String modulePath(Path dir) throws Subprocess.StartFailure {
    Matcher matcher = MODULE.matcher(read(dir.resolve("go.mod")));
    if (!matcher.find()) {
      throw new Subprocess.StartFailure("go.mod in " + dir.getFileName() + " names no module");
    }
    return matcher.group(1);
  }

  private static String read(Path file) throws Subprocess.StartFailure {
    try {
      return Runs.text(file, MAX_GO_MOD_BYTES);
    } catch (IOException e) {
      throw new Subprocess.StartFailure("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
  }
}
