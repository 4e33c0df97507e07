package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.findings;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File contents and names a change can carry: none may crash the audit or hide a stub from it. */
class ContentCasesTest {
  private static final String DONE = "Implement the parser, done";

  @TempDir Path dir;

  private Path repo() {
    return dir.resolve("repo");
  }

  /** main holds a README; feature adds {@code path} with {@code content} under a strong claim. */
  private Path added(String path, byte[] content) throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").writeBytes(path, content).commit(DONE);
    }
    return repo();
  }

  private Path added(String path, String content) throws Exception {
    return added(path, content.getBytes(StandardCharsets.UTF_8));
  }

  private static CliRun auditJson(Path repo, int code) {
    return verdict(audit("--repo", repo.toString(), "--range", "main..feature", "--format", "json"), code);
  }

  private static CliRun auditText(Path repo, int code) {
    return verdict(audit("--repo", repo.toString(), "--range", "main..feature"), code);
  }

  private static List<String> notes(CliRun run) {
    List<String> notes = new ArrayList<>();
    json(run).path("notes").forEach(note -> notes.add(note.asText()));
    return notes;
  }

  @Test
  void aBinaryFileIsSkippedWithANote() throws Exception {
    byte[] random = new byte[64 * 1024];
    new Random(7).nextBytes(random);

    CliRun run = auditJson(added("assets/blob.py", random), 0);

    assertThat(notes(run)).containsExactly("assets/blob.py: skipped, binary");
  }

  @Test
  void aTwoHundredMegabyteFileIsSkippedBySizeWithoutBeingRead() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
    }
    try (RandomAccessFile big = new RandomAccessFile(repo().resolve("big.py").toFile(), "rw")) {
      big.setLength(200L * 1024 * 1024);
    }
    Files.writeString(repo().resolve("parse.py"), STUB, StandardCharsets.UTF_8);
    git(repo(), "add", "big.py", "parse.py");
    git(repo(), "commit", "-q", "-m", DONE);

    long start = System.nanoTime();
    CliRun run = auditJson(repo(), 1);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(findings(run)).containsExactly("parse.py:2:" + STUB_RULE);
    assertThat(notes(run)).containsExactly("big.py: skipped, larger than 4 MiB (209715200 bytes)");
    System.out.println("hostile: range with a 200 MB file audited in " + millis + " ms");
  }

  @Test
  void aStubAtTheEndOfAOneMegabyteLineIsFound() throws Exception {
    String line = "values = [" + "1, ".repeat(350_000) + "1]; raise NotImplementedError\n";

    CliRun run = auditJson(added("src/data.py", "import os\n" + line), 1);

    assertThat(findings(run)).containsExactly("src/data.py:2:" + STUB_RULE);
  }

  @Test
  void aOneMegabyteLineWithoutAStubPasses() throws Exception {
    CliRun run = auditJson(added("src/data.py", "values = [" + "1, ".repeat(350_000) + "1]\n"), 0);

    assertThat(findings(run)).isEmpty();
  }

  @Test
  void invalidUtf8DoesNotHideTheStubBelowIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("name = '".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80});
    bytes.writeBytes(("'\n" + STUB).getBytes(StandardCharsets.UTF_8));

    CliRun run = auditJson(added("src/parse.py", bytes.toByteArray()), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:3:" + STUB_RULE);
  }

  @Test
  void utf16WithAByteOrderMarkIsDecodedAndScanned() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.writeBytes(STUB.getBytes(StandardCharsets.UTF_16LE));

    CliRun run = auditJson(added("src/parse.py", bytes.toByteArray()), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void bigEndianUtf16WithAByteOrderMarkIsDecodedAndScanned() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
    bytes.writeBytes(STUB.getBytes(StandardCharsets.UTF_16BE));

    CliRun run = auditJson(added("src/parse.py", bytes.toByteArray()), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void aUtf8ByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "raise NotImplementedError\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(body, 0, content, bom.length, body.length);

    CliRun run = auditJson(added("src/parse.py", content), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:1:" + STUB_RULE);
  }

  @Test
  void crlfLineEndingsKeepLineNumbers() throws Exception {
    CliRun run = auditJson(added("src/parse.py", STUB.replace("\n", "\r\n")), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void loneCarriageReturnsAreLineBreaksNotBinary() throws Exception {
    CliRun run = auditJson(added("src/parse.py", STUB.replace("\n", "\r")), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
    assertThat(notes(run)).isEmpty();
  }

  @Test
  void aLoneCarriageReturnInsideACommentCannotHideTheNextStatement() throws Exception {
    String content = "def parse():\n    return 1  # harmless\rraise NotImplementedError\n";

    CliRun run = auditJson(added("src/parse.py", content), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:3:" + STUB_RULE);
  }

  @Test
  void aNulByteInSourceDoesNotMakeItBinary() throws Exception {
    CliRun run = auditJson(added("src/parse.py", "# header\u0000\n" + STUB), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:3:" + STUB_RULE);
  }

  @Test
  void aRenameWithEditsReportsTheNewPathAndLine() throws Exception {
    String body = "def a():\n    return 1\n\n\ndef b():\n    return 2\n\n\ndef c():\n    return 3\n";
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("src/old_name.py", body).commit("Initial commit");
      test.branch("feature").delete("src/old_name.py").write("src/new_name.py", body + "\n\n" + STUB).commit(DONE);
    }

    CliRun run = auditJson(repo(), 1);

    assertThat(findings(run)).containsExactly("src/new_name.py:14:" + STUB_RULE);
    assertThat(json(run).path("claims").get(0).path("status").asText()).isEqualTo("contradicted");
  }

  @Test
  void aModeOnlyChangeAddsNoLines() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("run.py", "# TODO: one day\nprint(1)\n").commit("Initial commit");
      test.branch("feature");
    }
    git(repo(), "update-index", "--chmod=+x", "run.py");
    git(repo(), "commit", "-q", "-m", "Make run.py executable, done");

    CliRun run = auditJson(repo(), 0);

    assertThat(findings(run)).isEmpty();
    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(1);
  }

  @Test
  void aDeletionOfAFileWithStubsAddsNoFinding() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("src/parse.py", STUB).write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").delete("src/parse.py").commit("Remove the unfinished parser");
    }

    CliRun run = auditJson(repo(), 0);

    assertThat(findings(run)).isEmpty();
  }

  @Test
  void aSubmoduleIsNotFollowed() throws Exception {
    Path library = dir.resolve("library");
    try (TestRepo test = TestRepo.init(library)) {
      test.write("lib.py", STUB).commit("Library with a stub");
    }
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
    }
    git(repo(), "submodule", "add", "-q", "file://" + library, "vendored");
    git(repo(), "commit", "-q", "-m", "Add the library as a submodule, done");

    CliRun run = auditJson(repo(), 0);

    assertThat(findings(run)).isEmpty();
    assertThat(notes(run)).contains("vendored: skipped, submodule (not followed)");
  }

  @Test
  void aSymlinkPointingOutsideTheRepositoryIsNotFollowed() throws Exception {
    Path outside = dir.resolve("outside.py");
    Files.writeString(outside, "OUTSIDE_CANARY = 1\nraise NotImplementedError\n", StandardCharsets.UTF_8);
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
    }
    Files.createSymbolicLink(repo().resolve("link.py"), Path.of("../outside.py"));
    Files.createSymbolicLink(repo().resolve("passwd.py"), Path.of("/etc/passwd"));
    git(repo(), "add", "link.py", "passwd.py");
    git(repo(), "commit", "-q", "-m", "Add two symbolic links");

    CliRun json = auditJson(repo(), 0);
    CliRun text = auditText(repo(), 0);

    assertThat(findings(json)).isEmpty();
    assertThat(notes(json)).contains("link.py: skipped, symbolic link (not followed)", "passwd.py: skipped, symbolic link (not followed)");
    assertThat(json.out() + text.out()).doesNotContain("OUTSIDE_CANARY").doesNotContain("root:x:0");
  }

  @Test
  void fileNamesWithSpacesQuotesAndNonAsciiAreReportedExactly() throws Exception {
    String[] names = {"src/with space.py", "src/quote\"d.py", "src/it's.py", "src/ünïcødé€.py", "src/back\\slash.py"};
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
      for (String name : names) {
        test.write(name, STUB);
      }
      test.commit(DONE);
    }

    CliRun run = auditJson(repo(), 1);

    List<String> expected = new ArrayList<>();
    for (String name : names) {
      expected.add(name + ":2:" + STUB_RULE);
    }
    assertThat(findings(run)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aNewlineInAFileNameIsKeptInJsonAndEscapedInText() throws Exception {
    Path repo = added("src/two\nlines.py", STUB);

    CliRun json = auditJson(repo, 1);
    CliRun text = auditText(repo, 1);

    assertThat(findings(json)).containsExactly("src/two\nlines.py:2:" + STUB_RULE);
    assertThat(text.out()).contains("src/two\\u000alines.py:2").contains("first: src/two\\u000alines.py:2")
        .doesNotContain("src/two lines.py");
  }

  @Test
  void aTabInAFileNameIsEscapedInText() throws Exception {
    CliRun text = auditText(added("src/tab\tbed.py", STUB), 1);

    assertThat(text.out()).contains("src/tab\\u0009bed.py:2");
  }

  @Test
  void escapeSequencesInAFileNameNeverReachTheTerminal() throws Exception {
    Path repo = added("src/\u001b[31mred\u001b]0;title\u0007.py", STUB);

    CliRun text = auditText(repo, 1);
    CliRun json = auditJson(repo, 1);

    assertThat(text.out()).contains("src/\\u001b[31mred\\u001b]0;title\\u0007.py:2");
    assertThat(findings(json)).containsExactly("src/\u001b[31mred\u001b]0;title\u0007.py:2:" + STUB_RULE);
  }

  @Test
  void anEmptyFileIsAddedWithoutFindings() throws Exception {
    CliRun run = auditJson(added("src/empty.py", ""), 0);

    assertThat(findings(run)).isEmpty();
  }

  @Test
  void aStubOnALastLineWithoutNewlineIsFound() throws Exception {
    CliRun run = auditJson(added("src/parse.py", STUB.strip()), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void aDeeplyNestedPathIsScanned() throws Exception {
    String path = "d/".repeat(150) + "parse.py";

    CliRun run = auditJson(added(path, STUB), 1);

    assertThat(findings(run)).containsExactly(path + ":2:" + STUB_RULE);
  }

  @Test
  void twoThousandFilesInOneChangeAreScanned() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
      for (int i = 0; i < 2_000; i++) {
        test.write("gen/m" + i + ".py", "VALUE_" + i + " = " + i + "\n");
      }
      test.write("gen/zz_parse.py", STUB).commit(DONE);
    }

    CliRun run = auditJson(repo(), 1);

    assertThat(findings(run)).containsExactly("gen/zz_parse.py:2:" + STUB_RULE);
  }

  @Test
  void aFileWithOnlyControlCharactersIsBinary() throws Exception {
    byte[] controls = new byte[4096];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 8);
    }

    CliRun run = auditJson(added("src/ctl.py", controls), 0);

    assertThat(notes(run)).containsExactly("src/ctl.py: skipped, binary");
  }

  @Test
  void aStubInAFileThatWasBinaryAtTheBaseIsFound() throws Exception {
    byte[] random = new byte[4096];
    new Random(3).nextBytes(random);
    try (TestRepo test = TestRepo.init(repo())) {
      test.writeBytes("src/parse.py", random).commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit(DONE);
    }

    CliRun run = auditJson(repo(), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void theFindingJsonQuotesTheLineAsWritten() throws Exception {
    CliRun run = auditJson(added("src/parse.py", "def parse():\n    raise NotImplementedError  # ünïcødé\n"), 1);

    JsonNode finding = json(run).path("findings").get(0);
    assertThat(finding.path("snippet").asText()).isEqualTo("raise NotImplementedError  # ünïcødé");
  }

  @Test
  void typeChangesFromSymlinkAndToDirectoryAreScanned() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").write("was_file.py", "x = 1\n").commit("Initial commit");
      test.branch("feature");
    }
    git(repo(), "checkout", "-q", "main");
    Files.createSymbolicLink(repo().resolve("link.py"), Path.of("README.md"));
    git(repo(), "add", "link.py");
    git(repo(), "commit", "-q", "-m", "Link the readme");
    git(repo(), "checkout", "-q", "-B", "feature");
    Files.delete(repo().resolve("link.py"));
    Files.writeString(repo().resolve("link.py"), STUB, StandardCharsets.UTF_8);
    Files.delete(repo().resolve("was_file.py"));
    Files.createDirectories(repo().resolve("was_file.py"));
    Files.writeString(repo().resolve("was_file.py/inner.py"), STUB, StandardCharsets.UTF_8);
    git(repo(), "add", "-A");
    git(repo(), "commit", "-q", "-m", DONE);

    CliRun run = verdict(audit("--repo", repo().toString(), "--range", "main..feature", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("link.py:2:" + STUB_RULE, "was_file.py/inner.py:2:" + STUB_RULE);
  }

  @Test
  void aSubmoduleReplacedByAFileIsScanned() throws Exception {
    Path library = dir.resolve("library");
    try (TestRepo test = TestRepo.init(library)) {
      test.write("lib.txt", "lib\n").commit("Library");
    }
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
    }
    git(repo(), "submodule", "add", "-q", "file://" + library, "vendored.py");
    git(repo(), "commit", "-q", "-m", "Add the library as a submodule");
    git(repo(), "checkout", "-q", "-b", "feature");
    git(repo(), "rm", "-q", "--cached", "vendored.py");
    git(repo(), "rm", "-q", ".gitmodules");
    java.nio.file.Files.walk(repo().resolve("vendored.py")).sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    Files.writeString(repo().resolve("vendored.py"), STUB, StandardCharsets.UTF_8);
    git(repo(), "add", "-A");
    git(repo(), "commit", "-q", "-m", "Replace the submodule with our own code, done");

    CliRun run = verdict(audit("--repo", repo().toString(), "--range", "main..feature", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("vendored.py:2:" + STUB_RULE);
  }

  @Test
  void aCaseOnlyRenameWithAStubIsScanned() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("src/Parse.py", "VALUE = 1\n").commit("Initial commit");
      test.branch("feature").delete("src/Parse.py").write("src/parse.py", "VALUE = 1\n" + STUB).commit(DONE);
    }

    CliRun run = auditJson(repo(), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:3:" + STUB_RULE);
  }

  /** Runs the audit as its own process with the heap {@code bin/audit} gives it (a quarter of 1 GB). */
  private static Process auditProcess(Path repo, Path stdout) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-XX:MaxRAM=1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.claimaudit.cli.Main", "--repo", repo.toString(), "--range", "main..feature", "--format", "json")
        .redirectOutput(stdout.toFile()).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void millionsOfShortAddedLinesFitTheLaunchersHeap() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
      for (int i = 0; i < 6; i++) {
        test.write("blank" + i + ".py", "\n".repeat(4 * 1024 * 1024 - 16));
      }
      test.write("marks.py", "# TODO\n".repeat(590_000)).write("parse.py", STUB).commit(DONE);
    }
    Path stdout = dir.resolve("out.json");

    Process process = auditProcess(repo(), stdout);

    assertThat(process.waitFor(Hostile.BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    JsonNode verdict = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout.toFile());
    assertThat(verdict.path("verdict").asText()).isEqualTo("block");
    assertThat(verdict.path("findings").toString()).contains("parse.py").contains("589800 more placeholder lines");
  }

  @Test
  void pastTheCapEveryDifferentlyGradedFindingIsStillListed() throws Exception {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      content.append("raise NotImplementedError  # claim-audit: allow(").append(STUB_RULE).append(") kept on purpose until=2999-01-01\n");
    }
    content.append("raise NotImplementedError  # claim-audit: allow(").append(STUB_RULE).append(") kept on purpose until=2001-01-01\n");
    content.append("raise NotImplementedError\n");
    content.append("raise NotImplementedError  # TODO later\n".repeat(300));

    CliRun run = auditJson(added("src/many.py", content.toString()), 1);

    assertThat(findings(run)).contains("src/many.py:301:" + STUB_RULE, "src/many.py:303:" + STUB_RULE);
    assertThat(json(run).path("findings").toString()).contains("more placeholder lines in this file");
    assertThat(json(run).path("findings").size()).isLessThan(260);
  }
}
