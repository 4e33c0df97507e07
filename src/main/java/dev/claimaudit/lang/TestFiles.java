package dev.claimaudit.lang;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises test files by the conventions of the common frameworks: their names
 * ({@code test_x.py}, {@code x_test.go}, {@code x.test.ts}, {@code x.vitest.ts}, {@code XTest.java},
 * {@code x.bats}) and their folders ({@code tests/}, {@code __tests__/}, {@code src/test/},
 * Kotlin's {@code src/jvmTest/}, a .NET project named {@code X.Tests/}). A file whose name says
 * nothing may still declare tests: see {@link TestCounter#declaresTests}.
 */
public final class TestFiles {
  private static final Pattern DIRECTORY = Pattern.compile(
      "(^|/)(tests?|__tests__|spec|specs|testing|e2e|integration-tests?|src/test|[^/]+\\.(?:unit)?tests?)/");
  /** Kotlin Multiplatform and Gradle test source sets: {@code src/jvmTest/}, {@code src/integrationTest/}. */
  private static final Pattern SOURCE_SET = Pattern.compile("(^|/)src/[a-z][a-zA-Z0-9]*Test/");
  /** A test file's name, matched against the name alone (the path after its last slash). */
  private static final Pattern NAME = Pattern.compile(
      "test_[^/]+\\.py|[^/]+_tests?\\.py|[^/]+_test\\.(go|rb|exs|dart|cc|cpp|cxx|c|rs|hs|php|swift|kt|lua)"
          + "|[^/]+[._]tests?\\.rs|[^/]+\\.(test|spec|vitest|e2e|e2e-spec|cy|test-d)\\.[cm]?[jt]sx?|[^/]+_spec\\.(rb|lua)"
          + "|[^/]*Tests?\\.(java|kt|kts|scala|groovy|cs|swift|php|dart|m|mm)|[^/]*(Spec|Suite)\\.(kt|scala|groovy|hs)"
          + "|[^/]*(IT|ITCase)\\.(java|kt|groovy)|[^/]+\\.bats|conftest\\.py");

  private TestFiles() {}

  public static boolean isTest(String path) {
    String normal = path.replace('\\', '/');
    return NAME.matcher(normal.substring(normal.lastIndexOf('/') + 1)).matches() || SOURCE_SET.matcher(normal).find() || DIRECTORY.matcher(normal.toLowerCase(Locale.ROOT)).find();
  }
}
