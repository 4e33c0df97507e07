package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cargo test --no-fail-fast} with the integration test targets the change touches
 * ({@code --test name}) and the library or binary when a source file with unit tests is touched.
 * Unit tests are tied to their file by module path: {@code parser::tests::x} → {@code src/parser.rs}.
 */
final class CargoRunner implements Runner {

  @Override
  public String name() {
    return "cargo test";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    List<String> command = new ArrayList<>(List.of("cargo", "test", "--no-fail-fast", "--color", "never"));
    Map<String, String> fileByModule = new HashMap<>();
    boolean units = false;
    for (String file : files) {
      String local = project.local(file);
      Optional<String> target = integrationTarget(local);
      if (target.isPresent()) {
        command.addAll(List.of("--test", target.get()));
      } else if (local.startsWith("src/")) {
        units = true;
        fileByModule.put(modulePath(local), file);
      }
    }
    if (units) {
      command.add(Files.isRegularFile(project.dir().resolve("src/lib.rs")) ? "--lib" : "--bins");
    }
    Subprocess.Result result = Runs.exec(command, project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    List<TestCase> cases = CargoOutput.parse(result.output());
    if (cases.isEmpty() && result.exitCode() != 0) {
      return Measurement.failed(List.of(result), Runs.noResults("cargo test", result));
    }
    if (result.truncated()) {
      return Measurement.failed(List.of(result), "cargo test printed more than dynamic.maxOutput, so its report is incomplete");
    }
    return Runs.attribute(cases, files, testCase -> {
      Optional<String> integration = Runs.resolve(testCase.file(), project, files);
      if (integration.isPresent() && integrationTarget(project.local(integration.get())).isPresent()) {
        return integration.get();
      }
      return unitFile(testCase.name(), fileByModule);
    }, List.of(result));
  }

  /** {@code tests/api.rs} and {@code tests/api/main.rs} are the integration test target {@code api}. */
  static Optional<String> integrationTarget(String local) {
    if (local.matches("tests/[^/]+\\.rs")) {
      return Optional.of(local.substring(6, local.length() - 3));
    }
    if (local.matches("tests/[^/]+/main\\.rs")) {
      return Optional.of(local.substring(6, local.length() - 8));
    }
    return Optional.empty();
  }

  /**
   * {@code src/a/b.rs} and {@code src/a/b/mod.rs} are module {@code a::b}; the crate roots are
   * {@code ""}, and hold the tests of their own {@code tests} module.
   */
  static String modulePath(String local) {
    String path = local.substring(4).replaceAll("\\.rs$", "");
    if (path.equals("lib") || path.equals("main")) {
      return "";
    }
    if (path.endsWith("/mod")) {
      path = path.substring(0, path.length() - 4);
    }
    return path.replace('/', ':').replace(":", "::");
  }

  private static String unitFile(String testName, Map<String, String> fileByModule) {
    String best = null;
    int bestLength = -1;
    for (Map.Entry<String, String> entry : fileByModule.entrySet()) {
      String module = entry.getKey();
      boolean inModule = module.isEmpty() ? !testName.contains("::") || testName.matches("tests?::[^:]+")
          : testName.startsWith(module + "::");
      if (inModule && module.length() > bestLength) {
        best = entry.getValue();
        bestLength = module.length();
      }
    }
    return best;
  }
}
