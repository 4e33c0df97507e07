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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Added lines and head text of real diffs, decoded as the lexer reads them, whatever the encoding and line ends. */
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

  @Test
  void decodesLinesAsTheLexerReadsThemAndSaysWhenTheyMatchTheHeadText() {
    byte[] ascii = bytes("a\n// TODO one\nb\n");
    byte[] crlf = bytes("a\r\nb // TODO two\r\nc\r\n");
    byte[] loneCr = bytes("x\n".repeat(4100) + "a\rb // TODO three\nc\r");
    byte[] loneCrEarly = bytes("a\rb // TODO\n");
    byte[] utf8 = bytes("a\nb = \"\u00e9t\u00e9\" // TODO four\n");
    byte[] latin1 = concat(bytes("a\nb = \""), new byte[] {(byte) 0xE9}, bytes("\" // TODO five\nplain\n"));
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("keep.txt", "base\n").commit("base");
      repo.branch("feature")
          .writeBytes("ascii.java", ascii).writeBytes("crlf.java", crlf).writeBytes("lonecr.java", loneCr).writeBytes("early.java", loneCrEarly)
          .writeBytes("utf8.java", utf8).writeBytes("latin1.java", latin1).commit("add files");
    }
    try (GitRepository git = GitRepository.open(dir); ChangeSet changes = git.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      assertDiff(changes, "ascii.java", true, 3, "a", "// TODO one", "b");
      assertDiff(changes, "crlf.java", true, 3, "a", "b // TODO two", "c");
      assertDiff(changes, "lonecr.java", true, 4103, "a", "b // TODO three", "c");
      assertDiff(changes, "early.java", true, 2, "a", "b // TODO");
      assertDiff(changes, "utf8.java", false, 2, "a", "b = \"\u00e9t\u00e9\" // TODO four");
      assertDiff(changes, "latin1.java", false, 3, "a", "b = \"\u00e9\" // TODO five", "plain");
      assertThat(changes.notes()).noneMatch(note -> note.contains("binary"));
    }
  }

  /** Checks the file's added lines, whose last ones are {@code lastLines}, against its decoded head text. */
  private static void assertDiff(ChangeSet changes, String path, boolean linesAsInHead, int lineCount, String... lastLines) {
    FileChange file = changes.files().stream().filter(change -> change.path().equals(path)).findFirst().orElseThrow();
    FileDiff diff = changes.diff(file);
    List<AddedLine> added = diff.addedLines();
    assertThat(added).as(path).hasSize(lineCount);
    assertThat(added.subList(lineCount - lastLines.length, lineCount)).extracting(AddedLine::text).as(path).containsExactly(lastLines);
    assertThat(added.get(lineCount - 1).number()).as(path).isEqualTo(lineCount);
    List<String> headLines = diff.headText().orElseThrow().lines().toList();
    for (AddedLine line : added) {
      assertThat(headLines.get(line.number() - 1)).as(path + ":" + line.number()).isEqualTo(line.text());
    }
    assertThat(diff.headText()).as(path).isEqualTo(changes.readAtHead(path));
    assertThat(diff.linesAsInHead()).as(path).isEqualTo(linesAsInHead);
    assertThat(changes.addedLines(file)).isEqualTo(added);
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
