package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.testing.OpenAudit;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only what the change brings is reported: a placeholder that moved, or a file that was only
 * re-indented or had its line ends converted, adds nothing; a skip marker that is the file's own
 * way of running its tests is external to the change.
 */
class MovedAndConventionTest {
  @TempDir Path dir;

  private List<Finding> placeholders(Consumer<TestRepo> base, Consumer<TestRepo> change) {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("README.md", "base\n");
      base.accept(repo);
      repo.commit("base");
      repo.branch("feature");
      change.accept(repo);
      repo.commit("Implement the exporter, done");
    }
    try (OpenAudit audit = OpenAudit.of(dir, "main..feature", PullRequest.NONE, false, Map.of(), null, Map.of())) {
      return audit.context().placeholders().stream().filter(finding -> finding.ruleClass() != null).toList();
    }
  }

  @Test
  void aStubMovedToAnotherFileIsNotNew() {
    String stub = "def export(rows):\n    raise NotImplementedError\n";
    List<Finding> found = placeholders(repo -> repo.write("src/old.py", "import os\n\n" + stub),
        repo -> repo.delete("src/old.py").write("src/export.py", "\n" + stub));

    assertThat(found).isEmpty();
  }

  @Test
  void aStubReflowedOverSeveralLinesIsNotNew() {
    List<Finding> found = placeholders(
        repo -> repo.write("src/Sockets.kt", "class Sockets : Factory {\n    override fun open(host: String, port: Int): Socket = TODO(\"later\")\n}\n"),
        repo -> repo.write("src/Sockets.kt", "class Sockets : Factory {\n    override fun open(\n        host: String,\n        port: Int,\n    ): Socket = TODO(\"later\")\n}\n"));

    assertThat(found).isEmpty();
  }

  @Test
  void aBareStubIsNewEvenWhenAnArmHoldingTheSameCallIsRemoved() {
    List<Finding> found = placeholders(
        repo -> repo.write("src/lib.rs", "fn kind(n: &Node) -> u8 {\n    match n {\n        Node::Func(_) => unimplemented!(),\n        _ => 1,\n    }\n}\n"),
        repo -> repo.write("src/lib.rs", "fn kind(n: &Node) -> u8 {\n    match n {\n        _ => 1,\n    }\n}\n\nfn add(n: &Node) {\n    unimplemented!()\n}\n"));

    assertThat(found).extracting(Finding::line).containsExactly(8);
  }

  @Test
  void aCopyOfAStubCountsOnceForEachLineRemoved() {
    String stub = "    raise NotImplementedError(\"csv\")\n";
    List<Finding> found = placeholders(repo -> repo.write("src/a.py", "def a():\n" + stub),
        repo -> repo.write("src/a.py", "def a():\n    return 1\n").write("src/b.py", "def b():\n" + stub + "\n\ndef c():\n" + stub));

    assertThat(found).extracting(Finding::path, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple("src/b.py", 6));
  }

  @Test
  void lineEndsConvertedOrLinesReindentedAddNothingToAudit() {
    String stub = "def export(rows):\n    raise NotImplementedError\n";
    List<Finding> found = placeholders(
        repo -> repo.write("src/crlf.py", stub.replace("\n", "\r\n")).write("src/indent.py", "class A:\n  def f(self):\n    todo = 1\n    raise NotImplementedError\n"),
        repo -> repo.write("src/crlf.py", stub).write("src/indent.py", "class A:\n    def f(self):\n        todo = 1\n        raise NotImplementedError\n"));

    assertThat(found).isEmpty();
  }

  @Test
  void anIgnoreMarkerMostOfTheFilesTestsAlreadyCarryIsExternal() {
    String harness = "#[test]\n#[ignore]\nfn from_java_%d() {\n    check(%d);\n}\n\n";
    StringBuilder existing = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      existing.append(harness.formatted(i, i));
    }
    List<Finding> found = placeholders(repo -> repo.write("tests/cross_language.rs", existing.toString()),
        repo -> repo.write("tests/cross_language.rs", existing + harness.formatted(9, 9)));

    assertThat(found).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo("rs-ignored-test");
      assertThat(finding.reason()).isEqualTo(CodeReason.EXTERNAL);
    });
  }

  @Test
  void aNewIgnoreInAFileWhoseTestsRunIsNotExternal() {
    String test = "#[test]\nfn case_%d() {\n    check(%d);\n}\n\n";
    StringBuilder existing = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      existing.append(test.formatted(i, i));
    }
    List<Finding> found = placeholders(repo -> repo.write("tests/cases.rs", existing.toString()),
        repo -> repo.write("tests/cases.rs", existing + "#[ignore]\n" + test.formatted(9, 9)));

    assertThat(found).singleElement().extracting(Finding::reason).isEqualTo(CodeReason.NONE);
  }

  @Test
  void anIgnoreAnnotationThatTheFileImportsFromTheProjectIsNotATestSkip() {
    List<Finding> found = placeholders(repo -> { },
        repo -> repo.write("src/test/java/org/acme/ModelTest.java",
            "package org.acme;\n\nimport org.acme.annotation.Ignore;\n\nclass ModelTest {\n  interface Hidden {\n    @Ignore\n    default int twice() { return 2; }\n  }\n}\n"));

    assertThat(found).isEmpty();
  }
}
