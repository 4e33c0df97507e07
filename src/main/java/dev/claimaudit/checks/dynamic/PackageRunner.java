package dev.claimaudit.checks.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JavaScript test framework installed in the package: Jest, Vitest or Mocha, started from
 * {@code node_modules/.bin} (or through Yarn for a Plug'n'Play install), with its JSON report.
 */
final class PackageRunner implements Runner {

  /** The frameworks, in the order they are preferred when a package declares several. */
  enum Tool {
    VITEST,
    JEST,
    MOCHA;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Tool tool;
  private final String packageManager;

  /** @param packageManager npm, pnpm, yarn or bun, from the lockfile; named in the note when the tool is not installed */
  PackageRunner(Tool tool, String packageManager) {
    this.tool = tool;
    this.packageManager = packageManager;
  }

  @Override
  public String name() {
    return tool.id();
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Path report = budget.scratch().resolve(tool.id() + "-" + Math.abs(project.dir().hashCode()) + ".json");
    List<String> command = new ArrayList<>(launcher(project));
    switch (tool) {
      case JEST -> {
        command.addAll(List.of("--ci", "--json", "--outputFile=" + report, "--runTestsByPath"));
        files.forEach(file -> command.add(Runs.argument(project, file)));
      }
      case VITEST -> {
        command.addAll(List.of("run", "--reporter=json", "--outputFile=" + report));
        files.forEach(file -> command.add(project.local(file)));
      }
      case MOCHA -> {
        command.addAll(List.of("--reporter", "json", "--reporter-option", "output=" + report));
        files.forEach(file -> command.add(Runs.argument(project, file)));
      }
    }
    Subprocess.Result result = Runs.exec(command, project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    List<TestCase> cases;
    try {
      String text = Files.isRegularFile(report) || tool != Tool.MOCHA ? JsonReports.read(report) : printedJson(result);
      cases = tool == Tool.MOCHA ? JsonReports.mocha(text) : JsonReports.jest(text);
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), Runs.noResults(tool.id(), result));
    }
    return Runs.attribute(cases, files, testCase -> Runs.resolve(testCase.file(), project, files).orElse(null), List.of(result));
  }

  /** Mocha before 9.2 ignores the output option and prints its JSON report instead. */
  private static String printedJson(Subprocess.Result result) throws ReportException {
    if (result.truncated()) {
      throw new ReportException("the printed report is larger than dynamic.maxOutput");
    }
    String output = result.output();
    int start = output.indexOf("{\n");
    int end = output.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new ReportException("mocha printed no JSON report");
    }
    return output.substring(start, end + 1);
  }

  private List<String> launcher(Project project) throws Subprocess.StartFailure {
    Path dir = project.dir();
    while (dir != null && dir.startsWith(project.workTree())) {
      Path bin = dir.resolve("node_modules/.bin").resolve(tool.id());
      if (Files.isExecutable(bin)) {
        return List.of(bin.toString());
      }
      if (Files.isRegularFile(dir.resolve(".pnp.cjs"))) {
        return List.of("yarn", tool.id());
      }
      dir = dir.getParent();
    }
    String install = switch (packageManager) {
      case "pnpm" -> "pnpm install";
      case "yarn" -> "yarn install";
      case "bun" -> "bun install";
      default -> "npm ci";
    };
    throw new Subprocess.StartFailure(tool.id() + " is declared in " + project.repoDir() + (project.repoDir().isEmpty() ? "" : "/")
        + "package.json but not installed (no node_modules/.bin/" + tool.id() + "): run `" + install + "` before the audit");
  }
}
