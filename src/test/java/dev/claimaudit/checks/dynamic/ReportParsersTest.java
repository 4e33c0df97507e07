package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report formats, read from text shaped like each runner's own output. */
class ReportParsersTest {
  @TempDir Path dir;

  @Test
  void tapCountsLeavesOnlyAndReadsDirectivesAndFailureMessages() {
    String tap = """
        TAP version 13
        # Subtest: adds
        ok 1 - adds
          ---
          duration_ms: 2.4
          ...
        # Subtest: fails
        not ok 2 - fails
          ---
          location: '/p/a.test.js:4:1'
          failureType: 'testCodeFailure'
          error: |-
            Expected values to be strictly equal:
          ...
        ok 3 - later # TODO
        ok 4 - skipped # SKIP not on this platform
        # Subtest: group
            # Subtest: inner ok
            ok 1 - inner ok
            # Subtest: inner 2
            ok 2 - inner 2
            1..2
        ok 5 - group
          ---
          type: 'suite'
          ...
        # Subtest: hooked
            ok 1 - inner
            1..1
        not ok 6 - hooked
          ---
          error: 'after hook failed'
          ...
        1..6
        # pass 4
        """;
    List<TestCase> cases = Tap.parse(tap);

    assertThat(cases).extracting(TestCase::name).containsExactly("adds", "fails", "later", "skipped", "inner ok", "inner 2", "inner", "hooked");
    assertThat(Tally.of(cases).numbers()).isEqualTo("4 passed, 1 failed, 2 skipped, 1 errored");
    assertThat(cases.get(1).message()).isEqualTo("Expected values to be strictly equal:");
    assertThat(cases.get(7).message()).isEqualTo("after hook failed");
  }

  @Test
  void aParentWhoseSubtestFailedIsNotCountedTwice() {
    List<TestCase> cases = Tap.parse("""
            not ok 1 - inner fails
            ok 2 - inner passes
        not ok 1 - parent
        """);

    assertThat(Tally.of(cases).numbers()).isEqualTo("1 passed, 1 failed, 0 skipped, 0 errored");
  }

  @Test
  void junitXmlTakesTheWorstChildOfEachCaseAndTheFileOfItsSuite() throws Exception {
    Path report = dir.resolve("report.xml");
    Files.writeString(report, """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="tests/test_units.py" file="tests/test_units.py">
            <testcase classname="tests.test_units" name="test_kilograms" file="tests/test_units.py"/>
            <testcase classname="tests.test_units" name="test_ounces">
              <failure message="assert 28.35 == 28.0">long trace</failure>
            </testcase>
            <testcase classname="tests.test_units" name="test_skip"><skipped message="imperial units are off"/></testcase>
            <testcase classname="" name="tests.test_broken"><error message="collection failure"/></testcase>
            <testcase classname="inventory.StockTest" name="flaky"><flakyFailure message="once"/></testcase>
          </testsuite>
        </testsuites>
        """);
    List<TestCase> cases = JUnitXml.parse(report);

    assertThat(Tally.of(cases).numbers()).isEqualTo("2 passed, 1 failed, 1 skipped, 1 errored");
    assertThat(cases.get(1).file()).isEqualTo("tests/test_units.py");
    assertThat(cases.get(1).message()).isEqualTo("assert 28.35 == 28.0");
    assertThat(cases.get(3).suite()).isEqualTo("tests/test_units.py");
  }

  @Test
  void junitXmlWithADoctypeIsRefusedSoNoEntityIsExpanded() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top-secret-content");
    Path report = dir.resolve("evil.xml");
    Files.writeString(report, "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<testsuite><testcase name=\"&leak;\"/></testsuite>\n");

    assertThatThrownBy(() -> JUnitXml.parse(report)).isInstanceOf(ReportException.class).hasMessageNotContaining("top-secret-content");
  }

  @Test
  void jestAndVitestJsonCountAssertionsAndASuiteThatDidNotLoad() throws Exception {
    List<TestCase> cases = JsonReports.jest("""
        {"numTotalTests": 4, "testResults": [
          {"name": "/w/src/cart.test.ts", "status": "failed", "assertionResults": [
            {"title": "sums", "fullName": "cart sums", "status": "passed"},
            {"title": "rounds", "fullName": "cart rounds", "status": "failed", "failureMessages": ["Error: expected 3\\n    at x"]},
            {"title": "later", "fullName": "cart later", "status": "todo"},
            {"title": "off", "fullName": "cart off", "status": "pending"}]},
          {"name": "/w/src/broken.test.ts", "status": "failed", "message": "SyntaxError: Unexpected token", "assertionResults": []}
        ]}
        """);

    assertThat(Tally.of(cases).numbers()).isEqualTo("1 passed, 1 failed, 2 skipped, 1 errored");
    assertThat(cases.get(1).message()).isEqualTo("Error: expected 3");
    assertThat(cases.get(4).file()).isEqualTo("/w/src/broken.test.ts");
  }

  @Test
  void mochaJsonNamesTheFileOfEveryCase() throws Exception {
    List<TestCase> cases = JsonReports.mocha("""
        {"stats": {"tests": 3},
         "passes": [{"title": "a", "fullTitle": "s a", "file": "/w/test/a.spec.js"}],
         "failures": [{"title": "b", "fullTitle": "s b", "file": "/w/test/a.spec.js", "err": {"message": "boom"}}],
         "pending": [{"title": "c", "fullTitle": "s c", "file": "/w/test/b.spec.js"}]}
        """);

    assertThat(cases).extracting(TestCase::file).containsExactly("/w/test/a.spec.js", "/w/test/a.spec.js", "/w/test/b.spec.js");
    assertThat(Tally.of(cases).numbers()).isEqualTo("1 passed, 1 failed, 1 skipped, 0 errored");
    assertThat(cases.get(1).message()).isEqualTo("boom");
  }

  @Test
  void goTestJsonCountsTopLevelTestsAndAPackageThatDidNotBuild() {
    List<TestCase> cases = JsonReports.goTest("""
        {"Action":"run","Package":"example.com/shop/cart","Test":"TestTotal"}
        {"Action":"run","Package":"example.com/shop/cart","Test":"TestTotal/empty"}
        {"Action":"pass","Package":"example.com/shop/cart","Test":"TestTotal/empty"}
        {"Action":"pass","Package":"example.com/shop/cart","Test":"TestTotal"}
        {"Action":"output","Package":"example.com/shop/cart","Test":"TestRound","Output":"    cart_test.go:20: got 3, want 4\\n"}
        {"Action":"fail","Package":"example.com/shop/cart","Test":"TestRound"}
        {"Action":"skip","Package":"example.com/shop/cart","Test":"TestSlow"}
        {"Action":"fail","Package":"example.com/shop/cart"}
        {"Action":"output","Package":"example.com/shop/tax","Output":"tax_test.go:5:2: undefined: Rate\\n"}
        {"Action":"output","Package":"example.com/shop/tax","Output":"FAIL\\texample.com/shop/tax [build failed]\\n"}
        {"Action":"fail","Package":"example.com/shop/tax"}
        """);

    assertThat(Tally.of(cases).numbers()).isEqualTo("1 passed, 1 failed, 1 skipped, 1 errored");
    assertThat(cases).filteredOn(testCase -> testCase.name().equals("TestRound")).singleElement()
        .satisfies(testCase -> assertThat(testCase.message()).isEqualTo("cart_test.go:20: got 3, want 4"));
    assertThat(cases).filteredOn(testCase -> testCase.suite().equals("example.com/shop/tax")).singleElement()
        .satisfies(testCase -> assertThat(testCase.message()).contains("undefined: Rate"));
  }

  @Test
  void cargoOutputTiesEachTestToTheTargetThatRanIt() {
    List<TestCase> cases = CargoOutput.parse("""
           Compiling ledger v0.1.0 (/w)
            Finished `test` profile [unoptimized + debuginfo] target(s) in 1.20s
             Running unittests src/lib.rs (target/debug/deps/ledger-1a2b)

        running 2 tests
        test parser::tests::reads_amounts ... ok
        test parser::tests::rejects_text ... FAILED

        failures:

        ---- parser::tests::rejects_text stdout ----
        thread 'parser::tests::rejects_text' panicked at src/parser.rs:40:9:
        expected an error for 'lots'

             Running tests/import.rs (target/debug/deps/import-3c4d)

        running 2 tests
        test imports_a_statement ... ok
        test imports_quoted_payees ... ignored, needs fixtures

           Doc-tests ledger

        running 1 test
        test src/lib.rs - parse (line 3) ... ok
        """);

    assertThat(cases).extracting(TestCase::file).containsExactly("src/lib.rs", "src/lib.rs", "tests/import.rs", "tests/import.rs");
    assertThat(Tally.of(cases).numbers()).isEqualTo("2 passed, 1 failed, 1 skipped, 0 errored");
    assertThat(cases.get(1).message()).isEqualTo("expected an error for 'lots'");
  }

  @Test
  void cargoModulePathsAndIntegrationTargets() {
    assertThat(CargoRunner.modulePath("src/parser.rs")).isEqualTo("parser");
    assertThat(CargoRunner.modulePath("src/io/csv/mod.rs")).isEqualTo("io::csv");
    assertThat(CargoRunner.modulePath("src/lib.rs")).isEmpty();
    assertThat(CargoRunner.integrationTarget("tests/import.rs")).contains("import");
    assertThat(CargoRunner.integrationTarget("tests/cli/main.rs")).contains("cli");
    assertThat(CargoRunner.integrationTarget("tests/common/mod.rs")).isEmpty();
  }

  @Test
  void goTestNamesAreTheTopLevelTestAndFuzzFunctions() {
    assertThat(GoRunner.testNames("""
        package cart

        func TestTotal(t *testing.T) {}
        func Testing(t *testing.T) {}
        func FuzzParse(f *testing.F) {}
        func ExampleTotal() {}
        func helperTest() {}
        """)).containsExactly("TestTotal", "FuzzParse");
  }
}
