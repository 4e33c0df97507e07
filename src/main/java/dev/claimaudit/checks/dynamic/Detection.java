package dev.claimaudit.checks.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds, for each test file, the runner its project uses, and groups the files into one run per runner and project. */
final class Detection {
  private static final long MAX_PACKAGE_JSON = 1024 * 1024;
  private static final Set<String> JVM = Set.of("java", "kt", "groovy", "scala");
  private static final Set<String> JAVASCRIPT = Set.of("js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts");
  private static final Set<String> PLAIN_NODE = Set.of("js", "mjs", "cjs");
  private static final List<String> PYTHON_PROJECT = List.of("pyproject.toml", "setup.cfg", "setup.py", "pytest.ini", "tox.ini");

  /** Files that go to one runner in one project. */
  record Batch(Runner runner, Runner.Project project, List<String> files) {}

  /** A file no runner takes, and why. */
  record Unrunnable(String path, String reason) {}

  record Plan(List<Batch> batches, List<Unrunnable> unrunnable) {}

  private final Path workTree;
  private final DynamicSettings settings;
  private final ObjectMapper json = new ObjectMapper();

  Detection(Path workTree, DynamicSettings settings) {
    this.workTree = workTree;
    this.settings = settings;
  }

  Plan plan(List<Selection.Target> targets) {
    Map<String, Batch> batches = new LinkedHashMap<>();
    List<Unrunnable> unrunnable = new ArrayList<>();
    for (Selection.Target target : targets) {
      try {
        Choice choice = choose(target);
        String key = choice.runner().name() + "\u0000" + choice.dir();
        batches.computeIfAbsent(key, ignored -> new Batch(choice.runner(), new Runner.Project(workTree, choice.dir()), new ArrayList<>()))
            .files().add(target.path());
      } catch (NoRunner e) {
        unrunnable.add(new Unrunnable(target.path(), e.getMessage()));
      }
    }
    return new Plan(List.copyOf(batches.values()), List.copyOf(unrunnable));
  }

  private record Choice(Runner runner, Path dir) {}

  /** No runner takes the file; the message says why. */
  private static final class NoRunner extends Exception {
    private static final long serialVersionUID = 1L;

    NoRunner(String message) {
      super(message);
    }
  }

  private Choice choose(Selection.Target target) throws NoRunner {
    String path = target.path();
    if (path.startsWith("-") || path.contains("/-")) {
      throw new NoRunner("a path segment starting with '-' is not passed to a test runner");
    }
    if (settings.command() != null) {
      return new Choice(new CommandRunner(settings.command(), settings.report()), workTree);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (JVM.contains(extension)) {
      return jvm(path);
    }
    if (extension.equals("py")) {
      if (!target.claimed() && !name.startsWith("test_") && !name.endsWith("_test.py")) {
        throw new NoRunner("pytest collects test_*.py and *_test.py files only");
      }
      return new Choice(new PytestRunner(), Runs.nearest(workTree, path, PYTHON_PROJECT).orElse(workTree));
    }
    if (extension.equals("go")) {
      if (!name.endsWith("_test.go")) {
        throw new NoRunner("go test runs *_test.go files only");
      }
      return new Choice(new GoRunner(), Runs.nearest(workTree, path, List.of("go.mod")).orElseThrow(() -> new NoRunner("no go.mod above it")));
    }
    if (extension.equals("rs")) {
      Path crate = Runs.nearest(workTree, path, List.of("Cargo.toml")).orElseThrow(() -> new NoRunner("no Cargo.toml above it"));
      String local = new Runner.Project(workTree, crate).local(path);
      if (CargoRunner.integrationTarget(local).isEmpty() && !local.startsWith("src/")) {
        throw new NoRunner("cargo runs tests/*.rs targets and the tests in src/ only");
      }
      return new Choice(new CargoRunner(), crate);
    }
    if (JAVASCRIPT.contains(extension)) {
      return javascript(path, extension);
    }
    throw new NoRunner("no test runner is known for ." + (extension.isEmpty() ? name : extension) + " files");
  }

  private Choice jvm(String path) throws NoRunner {
    Path dir = Runs.nearest(workTree, path, List.of("pom.xml", "build.gradle", "build.gradle.kts"))
        .orElseThrow(() -> new NoRunner("no pom.xml or build.gradle above it"));
    Runner.Project project = new Runner.Project(workTree, dir);
    if (MavenRunner.className(project.local(path)).isEmpty()) {
      throw new NoRunner("not a test class under src/test/ of its module");
    }
    if (Files.isRegularFile(dir.resolve("pom.xml"))) {
      return new Choice(new MavenRunner(), dir);
    }
    Path wrapper = GradleRunner.wrapper(workTree, dir).orElseThrow(() -> new NoRunner("a Gradle build without a wrapper (gradlew)"));
    return new Choice(new GradleRunner(wrapper), dir);
  }

  private Choice javascript(String path, String extension) throws NoRunner {
    Optional<Path> packageDir = Runs.nearest(workTree, path, List.of("package.json"));
    Path dir = packageDir.orElse(workTree);
    JsonNode manifest = packageDir.map(this::manifest).orElse(json.createObjectNode());
    String script = manifest.path("scripts").path("test").asText("");
    String packageManager = packageManager(dir);
    List<PackageRunner.Tool> declared = new ArrayList<>();
    for (PackageRunner.Tool tool : PackageRunner.Tool.values()) {
      if (manifest.path("devDependencies").has(tool.id()) || manifest.path("dependencies").has(tool.id())) {
        declared.add(tool);
      }
    }
    if (script.matches("(?s).*\\bbun\\s+test\\b.*") || packageManager.equals("bun") && declared.isEmpty()) {
      return new Choice(new BunRunner(), dir);
    }
    for (PackageRunner.Tool tool : PackageRunner.Tool.values()) {
      if (script.matches("(?s).*\\b" + tool.id() + "\\b.*")) {
        return new Choice(new PackageRunner(tool, packageManager), dir);
      }
    }
    if (script.matches("(?s).*\\bnode\\b[^&|;]*--test\\b.*")) {
      return new Choice(new NodeTestRunner(), dir);
    }
    if (!declared.isEmpty()) {
      return new Choice(new PackageRunner(declared.get(0), packageManager), dir);
    }
    if (PLAIN_NODE.contains(extension)) {
      return new Choice(new NodeTestRunner(), dir);
    }
    throw new NoRunner("." + extension + " tests need a test framework (Jest, Vitest, Mocha or Bun) and package.json declares none");
  }

  private JsonNode manifest(Path dir) {
    Path file = dir.resolve("package.json");
    try {
      if (Files.size(file) <= MAX_PACKAGE_JSON) {
        JsonNode node = json.readTree(file.toFile());
        if (node != null && node.isObject()) {
          return node;
        }
      }
    } catch (IOException e) {
      // An unreadable package.json declares nothing; the file is then run the plain way or reported.
    }
    return json.createObjectNode();
  }

  /** npm, pnpm, yarn or bun, by the lockfile in the package's folder or above it. */
  private String packageManager(Path dir) {
    Path current = dir;
    while (current != null && current.startsWith(workTree)) {
      if (Files.exists(current.resolve("bun.lockb")) || Files.exists(current.resolve("bun.lock"))) {
        return "bun";
      }
      if (Files.exists(current.resolve("pnpm-lock.yaml"))) {
        return "pnpm";
      }
      if (Files.exists(current.resolve("yarn.lock"))) {
        return "yarn";
      }
      if (Files.exists(current.resolve("package-lock.json"))) {
        return "npm";
      }
      current = current.getParent();
    }
    return "npm";
  }
}
