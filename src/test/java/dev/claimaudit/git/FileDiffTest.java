package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.diff.RawText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Added lines and head text of real diffs, decoded as JGit decodes them, whatever the encoding and line ends. */
class FileDiffTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** What the added lines were before the fast decoding: JGit's lenient decoding of each line, trailing CR dropped. */
  private static List<String> jgitLines(byte[] content, int... numbers) {
    RawText text = new RawText(content);
    List<String> lines = new ArrayList<>();
    for (int number : numbers) {
      String line = text.getString(number - 1);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return lines;
  }

  @Test
  void decodesEveryLineAsJGitDoesAndSaysWhenLinesMatchTheHeadText() {
    byte[] ascii = bytes("a\n// TODO one\nb\n");
    byte[] crlf = bytes("a\r\nb // TODO two\r\nc\r\n");
    byte[] loneCr = bytes("x\n".repeat(4100) + "a\rb // TODO three\nc\r");
    byte[] loneCrEarly = bytes("a\rb // TODO\n");
    byte[] utf8 = bytes("a\nb = \"\u00e9t\u00e9\" // TODO four\n");
    byte[] latin1 = concat(bytes("a\nb = \""), new byte[] {(byte) 0xE9}, bytes("\" // TODO five\nplain\n"));
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("keep.txt", "base\n").commit("base");
      repo.branch("feature")
          .writeBytes("ascii.java", ascii).writeBytes("crlf.java", crlf).writeBytes("lonecr.java", loneCr).writeBytes("binary.java", loneCrEarly)
          .writeBytes("utf8.java", utf8).writeBytes("latin1.java", latin1).commit("add files");
    }
    try (GitRepository git = GitRepository.open(dir); ChangeSet changes = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      assertDiff(changes, "ascii.java", ascii, true, 1, 2, 3);
      assertDiff(changes, "crlf.java", crlf, true, 1, 2, 3);
      assertDiff(changes, "lonecr.java", loneCr, false, 4101, 4102);
      FileChange binary = changes.files().stream().filter(change -> change.path().equals("binary.java")).findFirst().orElseThrow();
      assertThat(changes.diff(binary).addedLines()).as("JGit takes an early lone CR for binary").isEmpty();
      assertThat(changes.notes()).contains("binary.java: skipped, binary");
      assertDiff(changes, "utf8.java", utf8, false, 1, 2);
      assertDiff(changes, "latin1.java", latin1, false, 1, 2, 3);
    }
  }

  private static void assertDiff(ChangeSet changes, String path, byte[] content, boolean linesAsInHead, int... numbers) {
    FileChange file = changes.files().stream().filter(change -> change.path().equals(path)).findFirst().orElseThrow();
    FileDiff diff = changes.diff(file);
    assertThat(diff.addedLines()).extracting(AddedLine::number).as(path).endsWith(java.util.Arrays.stream(numbers).boxed().toArray(Integer[]::new));
    assertThat(diff.addedLines()).as(path).hasSize(new RawText(content).size());
    List<AddedLine> checked = diff.addedLines().subList(diff.addedLines().size() - numbers.length, diff.addedLines().size());
    assertThat(checked).extracting(AddedLine::text).as(path).containsExactlyElementsOf(jgitLines(content, numbers));
    assertThat(diff.headText()).as(path).isEqualTo(changes.readAtHead(path));
    assertThat(diff.linesAsInHead()).as(path).isEqualTo(linesAsInHead);
    assertThat(changes.addedLines(file)).isEqualTo(diff.addedLines());
  }

  @Test
  void onlyTheLinesTheRangeAddsAreAddedAndDeletedOnlyHunksAddNothing() {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.py", "one\ntwo\nthree\nfour\n").write("gone.py", "x\n").commit("base");
      repo.branch("feature").write("a.py", "one\nthree\nfour\nfive\n").delete("gone.py").commit("edit");
    }
    try (GitRepository git = GitRepository.open(dir); ChangeSet changes = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      FileChange a = changes.files().stream().filter(change -> change.path().equals("a.py")).findFirst().orElseThrow();
      FileChange gone = changes.files().stream().filter(change -> change.path().equals("gone.py")).findFirst().orElseThrow();

      assertThat(changes.diff(a).addedLines()).containsExactly(new AddedLine(4, "five"));
      assertThat(changes.diff(gone).addedLines()).isEmpty();
      assertThat(changes.diff(gone).headText()).isEmpty();
    }
  }

  @Test
  void filesAreDiffedFromSeveralThreadsAtOnce() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("base.txt", "base\n").commit("base");
      repo.branch("feature");
      for (int i = 0; i < 40; i++) {
        repo.write("src/f" + i + ".go", "package f\n// TODO " + i + "\nfunc F" + i + "() {}\n");
      }
      repo.commit("add files");
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (GitRepository git = GitRepository.open(dir); ChangeSet changes = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      List<Future<FileDiff>> diffs = new ArrayList<>();
      for (FileChange file : changes.files()) {
        diffs.add(pool.submit(() -> changes.diff(file)));
      }
      for (int i = 0; i < diffs.size(); i++) {
        String path = changes.files().get(i).path();
        String number = path.substring("src/f".length(), path.length() - ".go".length());
        assertThat(diffs.get(i).get().addedLines()).extracting(AddedLine::text).containsExactly("package f", "// TODO " + number, "func F" + number + "() {}");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDiffMadeFromTextSaysWhetherItsLinesAreThoseOfTheText() {
    List<AddedLine> lines = List.of(new AddedLine(1, "a"));

    assertThat(FileDiff.of(lines, "a\nb\n").linesAsInHead()).isTrue();
    assertThat(FileDiff.of(lines, "a\r\nb\r\n").linesAsInHead()).isTrue();
    assertThat(FileDiff.of(lines, "a\rb\n").linesAsInHead()).isFalse();
    assertThat(FileDiff.of(lines, "a\nb\r").linesAsInHead()).isFalse();
    assertThat(FileDiff.of(lines, "\u00e9\n").linesAsInHead()).isFalse();
    assertThat(FileDiff.of(lines, "a\u0000\n").linesAsInHead()).isFalse();
    assertThat(FileDiff.of(lines, "a\n").headText()).contains("a\n");
    assertThat(FileDiff.of(lines, "a\n").addedLines()).isEqualTo(lines);
  }
}
