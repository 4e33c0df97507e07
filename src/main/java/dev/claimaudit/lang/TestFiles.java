package dev.claimaudit.lang;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises test files by the conventions of the common frameworks. */
public final class TestFiles {
  private static final Pattern DIRECTORY = Pattern.compile("(^|/)(tests?|__tests__|spec|specs|testing|src/test|src/androidTest|e2e)/");
  private static final Pattern NAME = Pattern.compile(
      "(^|/)(test_[^/]+\\.py|[^/]+_test\\.(py|go|rb|exs|dart|cc|cpp|c)|[^/]+\\.(test|spec)\\.[cm]?[jt]sx?|[^/]+_spec\\.rb"
          + "|[^/]*Tests?\\.(java|kt|scala|groovy|cs|swift)|[^/]*Spec\\.(kt|scala|groovy)|[^/]*IT\\.java|conftest\\.py)$");

  private TestFiles() {}

  public static boolean isTest(String path) {
    String normal = path.replace('\\', '/');
    return NAME.matcher(normal).find() || DIRECTORY.matcher(normal.toLowerCase(Locale.ROOT)).find();
  }
}
