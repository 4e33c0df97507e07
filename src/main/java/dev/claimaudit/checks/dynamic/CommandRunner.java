package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's own command, {@code dynamic.command}, run by {@code sh -c} in the work tree. Its
 * placeholders take the selected tests: {@code {files}} (paths), {@code {classes}} (JVM test
 * classes, comma-separated), {@code {packages}} (their folders, as {@code ./dir}) and {@code {report}}
 * (a file the command may write its report to). Every value is shell-quoted.
 *
 * <p>Results come from the {@code {report}} file (JUnit XML, Jest/Vitest JSON, {@code go test -json}
 * or TAP), else from the reports matching {@code dynamic.report}, else from what the command printed
 * (TAP or {@code go test -json}).
 */
final class CommandRunner implements Runner {
  private final String template;
  private final String reportGlob;

  CommandRunner(String template, String reportGlob) {
    this.template = template;
    this.reportGlob = reportGlob;
  }

  @Override
  public String name() {
    return "dynamic.command";
  }

  /** The command line with its placeholders replaced. */
  static String expand(String template, Project project, List<String> files, Path report) {
    Set<String> classes = new LinkedHashSet<>();
    Set<String> packages = new LinkedHashSet<>();
    for (String file : files) {
      String local = project.local(file);
      Optional<String> className = Optional.empty();
      int testRoot = local.indexOf("src/test/");
      if (testRoot >= 0) {
        className = MavenRunner.className(local.substring(testRoot));
      }
      className.ifPresent(classes::add);
      packages.add(local.contains("/") ? "./" + local.substring(0, local.lastIndexOf('/')) : ".");
    }
    Map<String, String> values = new HashMap<>();
    values.put("files", String.join(" ", files.stream().map(file -> quote(Runs.argument(project, file))).toList()));
    values.put("classes", quote(String.join(",", classes)));
    values.put("packages", String.join(" ", packages.stream().map(CommandRunner::quote).toList()));
    values.put("report", quote(report.toString()));
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(template, at, template.length());
        break;
      }
      String value = values.get(template.substring(open + 1, close));
      out.append(template, at, open).append(value != null ? value : template.substring(open, close + 1));
      at = close + 1;
    }
    return out.toString();
  }

  /** One word for {@code sh}, whatever the text holds. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  @Override
  public Measurement run(Project project, List<String> files, Budget budget) throws Subprocess.StartFailure, InterruptedException {
    Path report = budget.scratch().resolve("command-report");
    Instant start = Instant.now();
    Subprocess.Result result = Runs.exec(List.of("sh", "-c", expand(template, project, files, report)), project.dir(), budget);
    String timeout = Runs.timeoutProblem(name(), result);
    if (timeout != null) {
      return Measurement.failed(List.of(result), timeout);
    }
    List<TestCase> cases;
    try {
      cases = cases(report, project, start, result);
    } catch (ReportException e) {
      return Measurement.failed(List.of(result), "cannot read the results of dynamic.command: " + e.getMessage());
    }
    if (cases.isEmpty() && result.exitCode() != 0) {
      return Measurement.failed(List.of(result), Runs.noResults("dynamic.command", result));
    }
    Map<String, String> fileByClass = new HashMap<>();
    for (String file : files) {
      String local = project.local(file);
      int testRoot = local.indexOf("src/test/");
      if (testRoot >= 0) {
        MavenRunner.className(local.substring(testRoot)).ifPresent(name -> fileByClass.put(name, file));
      }
    }
    return Runs.attribute(cases, files, testCase -> {
      Optional<String> byFile = Runs.resolve(testCase.file(), project, files);
      if (byFile.isPresent()) {
        return byFile.get();
      }
      String suite = testCase.suite();
      if (suite != null && fileByClass.containsKey(suite.replaceAll("\\$.*", ""))) {
        return fileByClass.get(suite.replaceAll("\\$.*", ""));
      }
      return files.size() == 1 ? files.get(0) : null;
    }, List.of(result));
  }

  private List<TestCase> cases(Path report, Project project, Instant start, Subprocess.Result result) throws ReportException {
    if (Files.isRegularFile(report)) {
      return sniff(report);
    }
    if (reportGlob != null) {
      List<TestCase> cases = new ArrayList<>();
      for (Path file : Runs.reports(project.workTree(), reportGlob, start)) {
        cases.addAll(JUnitXml.parse(file));
      }
      if (!cases.isEmpty()) {
        return cases;
      }
    }
    if (result.truncated()) {
      throw new ReportException("the command printed more than dynamic.maxOutput, so its results are incomplete; write them to {report}");
    }
    return fromText(result.output());
  }

  private static List<TestCase> sniff(Path report) throws ReportException {
    String head;
    try {
      head = Runs.text(report.toAbsolutePath(), JUnitXml.MAX_BYTES).stripLeading();
    } catch (IOException e) {
      throw new ReportException("cannot read the {report} file: " + e.getMessage(), e);
    }
    if (head.startsWith("<")) {
      return JUnitXml.parse(report);
    }
    if (head.startsWith("{") && head.contains("\"testResults\"")) {
      return JsonReports.jest(head);
    }
    return fromText(head);
  }

  private static List<TestCase> fromText(String text) {
    List<TestCase> go = JsonReports.goTest(text);
    return go.isEmpty() ? Tap.parse(text) : go;
  }
}
