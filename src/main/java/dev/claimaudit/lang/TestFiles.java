package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises test files by the conventions of the common frameworks: their names
 * ({@code test_x.py}, {@code x_test.go}, {@code x.test.ts}, {@code x.vitest.ts}, {@code XTest.java},
 * {@code x.bats}, a Go script test {@code x.txtar}) and their folders ({@code tests/}, {@code __tests__/}, {@code src/test/},
 * Kotlin's {@code src/jvmTest/}, a .NET project named {@code X.Tests/}). A file whose name says
 * nothing may still declare tests: see {@link TestCounter#declaresTests}.
 *
 * <p>Every changed file is asked about, several times, so the conventions are read as fixed
 * endings of the name and names of folders rather than as regular expressions.
 */
public final class TestFiles {
  /** Folders, by their lower-case name, that hold tests ({@code src/test/} is a {@code test/}). */
  private static final Set<String> FOLDERS = Set.of("test", "tests", "__tests__", "spec", "specs", "testing", "e2e", "integration-test",
      "integration-tests");
  /** Endings of a lower-case folder name after at least one character: a .NET test project, {@code Shop.Tests/}. */
  private static final List<String> PROJECT_ENDINGS = List.of(".test", ".tests", ".unittest", ".unittests");
  /** Endings of a file name after at least one character. */
  private static final List<String> NAME_ENDINGS = nameEndings();
  /** Endings of a file name that may be the whole name. */
  private static final List<String> WHOLE_NAME_ENDINGS = wholeNameEndings();
  /** Python's {@code test_x.py}: a name with this start and {@link #PYTHON_END}, and a character between. */
  private static final String PYTHON_START = "test_";
  private static final String PYTHON_END = ".py";
  /** The extension of a JavaScript or TypeScript file named for its runner: {@code x.test.ts}, {@code x.cy.mjs}. */
  private static final Set<String> SCRIPT_EXTENSIONS = Set.of("js", "ts", "jsx", "tsx", "cjs", "mjs", "cts", "mts", "cjsx", "mjsx", "ctsx",
      "mtsx");
  private static final Set<String> SCRIPT_RUNNER_WORDS = Set.of("test", "spec", "vitest", "e2e", "e2e-spec", "cy", "test-d");

  private TestFiles() {}

  public static boolean isTest(String path) {
    String normal = path.replace('\\', '/');
    return isTestName(normal.substring(normal.lastIndexOf('/') + 1)) || inSourceSet(normal)
        || inTestFolder(normal.toLowerCase(Locale.ROOT));
  }

  private static List<String> nameEndings() {
    List<String> endings = new ArrayList<>(List.of("_test.py", "_tests.py", ".test.rs", ".tests.rs", "_tests.rs",
        "_spec.rb", "_spec.lua", ".bats", ".txtar"));
    for (String extension : List.of("go", "rb", "exs", "dart", "cc", "cpp", "cxx", "c", "rs", "hs", "php", "swift", "kt", "lua")) {
      endings.add("_test." + extension);
    }
    return List.copyOf(endings);
  }

  private static List<String> wholeNameEndings() {
    List<String> endings = new ArrayList<>();
    for (String extension : List.of("java", "kt", "kts", "scala", "groovy", "cs", "swift", "php", "dart", "m", "mm")) {
      endings.add("Test." + extension);
      endings.add("Tests." + extension);
    }
    for (String extension : List.of("kt", "scala", "groovy", "hs")) {
      endings.add("Spec." + extension);
      endings.add("Suite." + extension);
    }
    for (String extension : List.of("java", "kt", "groovy")) {
      endings.add("IT." + extension);
      endings.add("ITCase." + extension);
    }
    return List.copyOf(endings);
  }

  /** A file name (no folder) its framework gives a test file: {@code test_x.py}, {@code x_test.go}, {@code XTest.java}, {@code x.spec.ts}. */
  private static boolean isTestName(String name) {
    if (name.equals("conftest.py")
        || name.startsWith(PYTHON_START) && name.endsWith(PYTHON_END) && name.length() > PYTHON_START.length() + PYTHON_END.length()) {
      return true;
    }
    for (String ending : NAME_ENDINGS) {
      if (name.length() > ending.length() && name.endsWith(ending)) {
        return true;
      }
    }
    for (String ending : WHOLE_NAME_ENDINGS) {
      if (name.endsWith(ending)) {
        return true;
      }
    }
    int extension = name.lastIndexOf('.');
    int runner = extension > 0 ? name.lastIndexOf('.', extension - 1) : -1;
    return runner > 0 && SCRIPT_EXTENSIONS.contains(name.substring(extension + 1))
        && SCRIPT_RUNNER_WORDS.contains(name.substring(runner + 1, extension));
  }

  /** Under a Gradle or Kotlin Multiplatform test source set: {@code src/jvmTest/}, {@code src/integrationTest/}. */
  private static boolean inSourceSet(String path) {
    boolean afterSrc = false;
    for (int start = 0, end = path.indexOf('/'); end >= 0; start = end + 1, end = path.indexOf('/', start)) {
      if (afterSrc && isSourceSetName(path, start, end)) {
        return true;
      }
      afterSrc = end - start == 3 && path.startsWith("src", start);
    }
    return false;
  }

  /** {@code path} from {@code start} to {@code end} is a lower-case letter, then letters and digits, then {@code Test}. */
  private static boolean isSourceSetName(String path, int start, int end) {
    if (end - start < 5 || !isLowerAscii(path.charAt(start)) || !path.startsWith("Test", end - 4)) {
      return false;
    }
    for (int at = start + 1; at < end - 4; at++) {
      char c = path.charAt(at);
      if (!isLowerAscii(c) && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Under a folder named for tests; {@code path} is in lower case. */
  private static boolean inTestFolder(String path) {
    for (int start = 0, end = path.indexOf('/'); end >= 0; start = end + 1, end = path.indexOf('/', start)) {
      String folder = path.substring(start, end);
      if (FOLDERS.contains(folder)) {
        return true;
      }
      for (String ending : PROJECT_ENDINGS) {
        if (folder.length() > ending.length() && folder.endsWith(ending)) {
          return true;
        }
      }
    }
    return false;
  }
}
