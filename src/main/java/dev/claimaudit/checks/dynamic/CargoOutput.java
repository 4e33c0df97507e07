package dev.claimaudit.checks.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code cargo test} prints: each test binary is announced by a {@code Running} line
 * naming its source ({@code tests/api.rs}, {@code unittests src/lib.rs}), then one line per test.
 * Stable cargo has no machine-readable test output, so this text is the report.
 */
final class CargoOutput {
  private static final Pattern RUNNING = Pattern.compile("^\\s*Running\\s+(?:unittests\\s+)?(\\S+)(?:\\s+\\(.*\\))?\\s*$");
  private static final Pattern DOC_TESTS = Pattern.compile("^\\s*Doc-tests\\s+\\S+");
  private static final Pattern TEST = Pattern.compile("^test\\s+(\\S+)\\s+\\.\\.\\.\\s+(ok|FAILED|ignored)\\b.*$");
  private static final Pattern PANIC = Pattern.compile("^thread '([^']+)' panicked at [^\\n]*?:?\\s*$");

  private CargoOutput() {}

  static List<TestCase> parse(String text) {
    List<TestCase> cases = new ArrayList<>();
    String source = null;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher running = RUNNING.matcher(line);
      if (running.matches()) {
        source = running.group(1);
        continue;
      }
      if (DOC_TESTS.matcher(line).find()) {
        source = null;
        continue;
      }
      Matcher test = TEST.matcher(line);
      if (test.matches() && source != null) {
        TestCase.Outcome outcome = switch (test.group(2)) {
          case "ok" -> TestCase.Outcome.PASSED;
          case "FAILED" -> TestCase.Outcome.FAILED;
          default -> TestCase.Outcome.SKIPPED;
        };
        cases.add(new TestCase(source, null, test.group(1), outcome, null));
        continue;
      }
      Matcher panic = PANIC.matcher(line);
      if (panic.matches() && i + 1 < lines.length) {
        String name = panic.group(1);
        String message = JsonReports.firstLine(lines[i + 1]);
        for (int j = cases.size() - 1; j >= 0; j--) {
          TestCase candidate = cases.get(j);
          if (candidate.name().equals(name) && candidate.outcome() == TestCase.Outcome.FAILED && candidate.message() == null) {
            cases.set(j, new TestCase(candidate.file(), candidate.suite(), name, candidate.outcome(), message));
            break;
          }
        }
      }
    }
    return cases;
  }
}
