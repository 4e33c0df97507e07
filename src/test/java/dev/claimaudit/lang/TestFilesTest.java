package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test files are known by the names and folders their frameworks give them. */
class TestFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "web/cart/cart.vitest.ts",
      "web/cart/cart.vitest.tsx",
      "web/cart/cart.test.mjs",
      "web/cart/cart.spec.ts",
      "web/e2e/checkout.cy.ts",
      "web/app.e2e-spec.ts",
      "types/index.test-d.ts",
      "pkg/cart/cart_test.go",
      "cart/test_cart.py",
      "cart/cart_test.py",
      "crates/server/src/server.tests.rs",
      "crates/server/src/server_test.rs",
      "app/src/test/java/CartTest.java",
      "lib/src/jvmTest/kotlin/CartTest.kt",
      "lib/src/commonTest/kotlin/Cart.kt",
      "lib/src/integrationTest/java/Checkout.java",
      "src/Cart.UnitTests/PricingFacts.cs",
      "src/Shop.Tests/Checkout.cs",
      "Tests/CartKitTests/Pricing.swift",
      "spec/cart_spec.rb",
      "app/CartSpec.groovy",
      "app/CheckoutIT.kt",
      "scripts/install.bats",
      "acceptance/testdata/repo/repo-fork-sync.txtar",
      "test/pricing_test.dart",
      "test/CartSpec.hs",
      "conftest.py",
      "CartTest.java",
      "back\\slash\\cart_test.go"})
  void aFileNamedOrPlacedAsItsFrameworkExpectsIsATestFile(String path) {
    assertThat(TestFiles.isTest(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "web/cart/cart.ts",
      "web/cart/testing-library.ts",
      "src/latest/release.go",
      "src/contest/entry.py",
      "lib/src/jvmMain/kotlin/Cart.kt",
      "docs/attestation.md",
      "src/protest.rs",
      "src/test_data.py/readme.md"})
  void aFileThatOnlyResemblesOneIsNot(String path) {
    assertThat(TestFiles.isTest(path)).isFalse();
  }

  /**
   * The conventions as regular expressions, the way they read best: the name matched whole, the
   * folders found anywhere in the path (lower case, but for a source set's name).
   */
  private static final Pattern NAME = Pattern.compile(
      "test_[^/]+\\.py|[^/]+_tests?\\.py|[^/]+_test\\.(go|rb|exs|dart|cc|cpp|cxx|c|rs|hs|php|swift|kt|lua)"
          + "|[^/]+[._]tests?\\.rs|[^/]+\\.(test|spec|vitest|e2e|e2e-spec|cy|test-d)\\.[cm]?[jt]sx?|[^/]+_spec\\.(rb|lua)"
          + "|[^/]*Tests?\\.(java|kt|kts|scala|groovy|cs|swift|php|dart|m|mm)|[^/]*(Spec|Suite)\\.(kt|scala|groovy|hs)"
          + "|[^/]*(IT|ITCase)\\.(java|kt|groovy)|[^/]+\\.(bats|txtar)|conftest\\.py");
  private static final Pattern SOURCE_SET = Pattern.compile("(^|/)src/[a-z][a-zA-Z0-9]*Test/");
  private static final Pattern FOLDER = Pattern.compile(
      "(^|/)(tests?|__tests__|spec|specs|testing|e2e|integration-tests?|src/test|[^/]+\\.(?:unit)?tests?)/");

  private static boolean byExpressions(String path) {
    String normal = path.replace('\\', '/');
    return NAME.matcher(normal.substring(normal.lastIndexOf('/') + 1)).matches() || SOURCE_SET.matcher(normal).find()
        || FOLDER.matcher(normal.toLowerCase(Locale.ROOT)).find();
  }

  /** The conventions read as fixed endings and folder names decide as the expressions do, on generated paths. */
  @Test
  void aPathIsATestFileExactlyWhenTheConventionsExpressionsSaySo() {
    String[] words = {"a", "A", "x", "test", "tests", "Test", "Tests", "TEST", "src", "srcs", "jvmTest", "aTest", "Test1", "spec", "Spec", "Suite",
        "specs", "IT", "ITCase", "e2e", "e2e-spec", "cy", "test-d", "vitest", "unit", "unittests", "__tests__", "testing", "integration-",
        "conftest", "\u0130", "9", "", "."};
    String[] joints = {".", "_", "-", "", "/"};
    String[] extensions = {"", ".py", ".go", ".rs", ".ts", ".tsx", ".mjs", ".m", ".c", ".js", ".java", ".kt", ".scala", ".hs", ".rb", ".lua",
        ".bats", ".txtar", ".md", ".PY"};
    Random random = new Random(17);
    int names = 0;
    int sourceSets = 0;
    int folders = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder path = new StringBuilder();
      for (int folder = random.nextInt(4); folder > 0; folder--) {
        path.append(words[random.nextInt(words.length)]).append(random.nextInt(6) == 0 ? "\\" : "/");
      }
      for (int part = random.nextInt(3); part >= 0; part--) {
        path.append(words[random.nextInt(words.length)]).append(joints[random.nextInt(joints.length)]);
      }
      path.append(words[random.nextInt(words.length)]).append(extensions[random.nextInt(extensions.length)]);
      String normal = path.toString().replace('\\', '/');

      assertThat(TestFiles.isTest(path.toString())).as(path.toString()).isEqualTo(byExpressions(path.toString()));
      names += NAME.matcher(normal.substring(normal.lastIndexOf('/') + 1)).matches() ? 1 : 0;
      sourceSets += SOURCE_SET.matcher(normal).find() ? 1 : 0;
      folders += FOLDER.matcher(normal.toLowerCase(Locale.ROOT)).find() ? 1 : 0;
    }
    assertThat(names).as("generated test files by name").isGreaterThan(5_000);
    assertThat(sourceSets).as("generated test files in a source set").isGreaterThan(100);
    assertThat(folders).as("generated test files in a test folder").isGreaterThan(5_000);
  }

  /** And on every file of this project. */
  @Test
  void everyFileOfThisProjectIsATestFileExactlyWhenTheExpressionsSaySo() throws IOException {
    List<String> paths;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      paths = files.map(Path::toString).toList();
    }
    assertThat(paths).hasSizeGreaterThan(300);
    for (String path : paths) {
      assertThat(TestFiles.isTest(path)).as(path).isEqualTo(byExpressions(path));
    }
  }
}
