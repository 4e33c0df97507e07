package dev.claimaudit.checks.dynamic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.text.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON reports of Jest and Vitest (one shape), Mocha, and {@code go test -json}. */
final class JsonReports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonReports() {}

  static String read(Path report) throws ReportException {
    try {
      if (!Files.isRegularFile(report)) {
        throw new ReportException("the runner wrote no report");
      }
      return Runs.text(report, JUnitXml.MAX_BYTES);
    } catch (IOException e) {
      throw new ReportException("cannot read " + report.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** Jest's {@code --json} and Vitest's {@code --reporter=json}: {@code testResults[].assertionResults[]}. */
  static List<TestCase> jest(String text) throws ReportException {
    JsonNode root = tree(text, "Jest/Vitest JSON");
    List<TestCase> cases = new ArrayList<>();
    for (JsonNode suite : root.path("testResults")) {
      String file = suite.path("name").asText(null);
      JsonNode assertions = suite.path("assertionResults");
      if (assertions.isEmpty() && "failed".equals(suite.path("status").asText())) {
        cases.add(new TestCase(file, null, "(test file)", TestCase.Outcome.ERRORED, firstLine(suite.path("message").asText(""))));
        continue;
      }
      for (JsonNode assertion : assertions) {
        TestCase.Outcome outcome = switch (assertion.path("status").asText()) {
          case "passed" -> TestCase.Outcome.PASSED;
          case "failed" -> TestCase.Outcome.FAILED;
          default -> TestCase.Outcome.SKIPPED;
        };
        String name = assertion.path("fullName").asText(assertion.path("title").asText(""));
        String message = assertion.path("failureMessages").isArray() && !assertion.path("failureMessages").isEmpty()
            ? firstLine(assertion.path("failureMessages").get(0).asText("")) : null;
        cases.add(new TestCase(file, null, name, outcome, message));
      }
    }
    return cases;
  }

  /** Mocha's json reporter: {@code passes}, {@code failures} and {@code pending}, each case with its {@code file}. */
  static List<TestCase> mocha(String text) throws ReportException {
    JsonNode root = tree(text, "Mocha JSON");
    List<TestCase> cases = new ArrayList<>();
    add(cases, root.path("passes"), TestCase.Outcome.PASSED);
    add(cases, root.path("failures"), TestCase.Outcome.FAILED);
    add(cases, root.path("pending"), TestCase.Outcome.SKIPPED);
    return cases;
  }

  private static void add(List<TestCase> cases, JsonNode list, TestCase.Outcome outcome) {
    for (JsonNode test : list) {
      String message = outcome == TestCase.Outcome.FAILED ? firstLine(test.path("err").path("message").asText("")) : null;
      cases.add(new TestCase(test.path("file").asText(null), null, test.path("fullTitle").asText(test.path("title").asText("")), outcome, message));
    }
  }

  /**
   * {@code go test -json}: one event per line. Top-level tests count (subtests are part of
   * theirs); a package that fails with no test failing did not build or set up.
   */
  static List<TestCase> goTest(String text) {
    Map<String, TestCase> tests = new LinkedHashMap<>();
    Map<String, String> packageOutcome = new LinkedHashMap<>();
    Map<String, StringBuilder> packageOutput = new LinkedHashMap<>();
    Map<String, StringBuilder> testOutput = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode event;
      try {
        event = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        continue;
      }
      String action = event.path("Action").asText();
      String pkg = event.path("Package").asText("");
      String test = event.path("Test").asText(null);
      if (test == null) {
        if (action.equals("pass") || action.equals("fail") || action.equals("skip")) {
          packageOutcome.put(pkg, action);
        } else if (action.equals("output")) {
          append(packageOutput, pkg, event.path("Output").asText(""));
        }
        continue;
      }
      if (test.contains("/")) {
        continue;
      }
      String key = pkg + "\u0000" + test;
      switch (action) {
        case "output" -> append(testOutput, key, event.path("Output").asText(""));
        case "pass" -> tests.put(key, new TestCase(null, pkg, test, TestCase.Outcome.PASSED, null));
        case "skip" -> tests.put(key, new TestCase(null, pkg, test, TestCase.Outcome.SKIPPED, null));
        case "fail" -> tests.put(key, new TestCase(null, pkg, test, TestCase.Outcome.FAILED, failureLine(testOutput.get(key))));
        default -> { }
      }
    }
    List<TestCase> cases = new ArrayList<>(tests.values());
    for (Map.Entry<String, String> entry : packageOutcome.entrySet()) {
      String pkg = entry.getKey();
      boolean anyTest = cases.stream().anyMatch(testCase -> pkg.equals(testCase.suite()));
      if (entry.getValue().equals("fail") && cases.stream().noneMatch(testCase -> pkg.equals(testCase.suite()) && testCase.outcome() != TestCase.Outcome.PASSED && testCase.outcome() != TestCase.Outcome.SKIPPED)) {
        cases.add(new TestCase(null, pkg, anyTest ? "(package)" : "(build)", TestCase.Outcome.ERRORED, failureLine(packageOutput.get(pkg))));
      }
    }
    return cases;
  }

  private static void append(Map<String, StringBuilder> outputs, String key, String text) {
    StringBuilder output = outputs.computeIfAbsent(key, ignored -> new StringBuilder());
    if (output.length() < 16_384) {
      output.append(text);
    }
  }

  private static String failureLine(StringBuilder output) {
    if (output == null) {
      return null;
    }
    return output.toString().lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("=== ") && !line.startsWith("--- ") && !line.equals("FAIL") && !line.startsWith("FAIL\t"))
        .findFirst().map(JsonReports::firstLine).orElse(null);
  }

  private static JsonNode tree(String text, String what) throws ReportException {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new ReportException("the " + what + " report is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ReportException("the " + what + " report is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    }
  }

  static String firstLine(String text) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return Texts.truncate(line, 200);
  }
}
