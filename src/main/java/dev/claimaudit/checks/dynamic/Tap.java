package dev.claimaudit.checks.dynamic;

import dev.claimaudit.text.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TAP (versions 13 and 14, with indented subtests as node's test runner writes them).
 * Only leaves count as test cases: a suite or a test with subtests is not a test of its own,
 * unless it failed while none of its subtests did (a failing hook, a file that does not load).
 */
final class Tap {
  private static final Pattern POINT = Pattern.compile(
      "^(\\s*)(not ok|ok)\\b(?:\\s+\\d+)?(?:\\s*-)?\\s*(.*?)\\s*(?:(?<!\\\\)#\\s*(todo|skip)\\S*\\b(.*))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern YAML_START = Pattern.compile("^\\s*---\\s*$");
  private static final Pattern YAML_END = Pattern.compile("^\\s*\\.\\.\\.\\s*$");
  private static final Pattern BAIL_OUT = Pattern.compile("^\\s*Bail out!\\s*(.*)$");
  private static final Pattern ERROR_FIELD = Pattern.compile("^\\s*(?:error|message):\\s*(.+)$");

  private Tap() {}

  static List<TestCase> parse(String text) {
    List<TestCase> cases = new ArrayList<>();
    Map<Integer, Boolean> deeper = new HashMap<>();
    Map<Integer, Boolean> deeperFailed = new HashMap<>();
    boolean inYaml = false;
    boolean errorBlock = false;
    TestCase lastFailed = null;
    int lastFailedIndex = -1;
    for (String line : text.split("\r?\n", -1)) {
      if (inYaml) {
        if (YAML_END.matcher(line).matches()) {
          inYaml = false;
        } else if (lastFailed != null && lastFailed.message() == null) {
          Matcher error = ERROR_FIELD.matcher(line);
          String message = null;
          if (errorBlock && !line.isBlank()) {
            message = line;
            errorBlock = false;
          } else if (error.matches()) {
            errorBlock = error.group(1).strip().matches("[|>][-+]?");
            message = errorBlock ? null : error.group(1);
          }
          if (message != null) {
            lastFailed = withMessage(lastFailed, message);
            cases.set(lastFailedIndex, lastFailed);
          }
        }
        continue;
      }
      if (YAML_START.matcher(line).matches()) {
        inYaml = true;
        errorBlock = false;
        continue;
      }
      Matcher bail = BAIL_OUT.matcher(line);
      if (bail.matches()) {
        cases.add(new TestCase(null, null, "Bail out!", TestCase.Outcome.ERRORED, bail.group(1)));
        continue;
      }
      Matcher point = POINT.matcher(line);
      if (!point.matches()) {
        continue;
      }
      int indent = point.group(1).replace("\t", "    ").length();
      boolean ok = point.group(2).equalsIgnoreCase("ok");
      String directive = point.group(4);
      String name = point.group(3).replace("\\#", "#");
      boolean hasChildren = deeper.getOrDefault(indent, false);
      boolean childFailed = deeperFailed.getOrDefault(indent, false);
      deeper.keySet().removeIf(level -> level >= indent);
      deeperFailed.keySet().removeIf(level -> level >= indent);
      for (int level = 0; level < indent; level++) {
        deeper.put(level, true);
        if (!ok && directive == null) {
          deeperFailed.put(level, true);
        }
      }
      if (childFailed) {
        for (int level = 0; level < indent; level++) {
          deeperFailed.put(level, true);
        }
      }
      lastFailed = null;
      TestCase.Outcome outcome;
      if (directive != null) {
        outcome = TestCase.Outcome.SKIPPED;
      } else if (ok) {
        outcome = TestCase.Outcome.PASSED;
      } else {
        outcome = hasChildren ? TestCase.Outcome.ERRORED : TestCase.Outcome.FAILED;
      }
      if (hasChildren && (ok || directive != null || childFailed)) {
        continue;
      }
      TestCase testCase = new TestCase(null, null, name, outcome, null);
      cases.add(testCase);
      if (outcome == TestCase.Outcome.FAILED || outcome == TestCase.Outcome.ERRORED) {
        lastFailed = testCase;
        lastFailedIndex = cases.size() - 1;
      }
    }
    return cases;
  }

  private static TestCase withMessage(TestCase testCase, String message) {
    String text = message.strip();
    if (text.startsWith("'") && text.endsWith("'") && text.length() > 1) {
      text = text.substring(1, text.length() - 1);
    }
    return new TestCase(testCase.file(), testCase.suite(), testCase.name(), testCase.outcome(), Texts.truncate(text, 200));
  }
}
