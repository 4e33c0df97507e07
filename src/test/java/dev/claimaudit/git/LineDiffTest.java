package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.junit.jupiter.api.Test;

/**
 * A change that only re-indents a line or converts its line end adds nothing: the line diff
 * compares lines without their white space. It numbers each distinct line and compares numbers;
 * its edits must be exactly those of JGit's histogram diff over copies of the texts with the
 * white space dropped, byte for byte.
 */
class LineDiffTest {
  private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);
  private static final String[] LINES = {"a", " a", "a\r", "\ta ", "b", "b c", "bc", "", "  ", "\t\r", "}", "x = 1;", "x=1;"};

  @Test
  void aReindentedLineOrAChangedLineEndIsNotAnEdit() {
    LineDiff diff = diff("int a;\r\nint b;\nreturn;\n", "int a;\n    int b;\nreturn a;\n");

    assertThat(diff.edits()).containsExactly(new Edit(2, 3, 2, 3));
  }

  /** Both sides are split as JGit splits them, the lines they start with and those after alike. */
  @Test
  void splitsLinesAsJGitDoes() {
    Random random = new Random(11);
    for (int n = 0; n < 2_000; n++) {
      RawText before = text(random);
      RawText after = random.nextBoolean() ? text(random) : changed(random, before);
      LineDiff diff = LineDiff.of(before.getRawContent(), after.getRawContent());

      assertSameLines(new RawText(before.getRawContent(), diff.baseLines()), before);
      assertSameLines(new RawText(after.getRawContent(), diff.headLines()), after);
    }
  }

  private static void assertSameLines(RawText split, RawText text) {
    assertThat(split.size()).isEqualTo(text.size());
    assertThat(split.isMissingNewlineAtEnd()).isEqualTo(text.isMissingNewlineAtEnd());
    for (int i = 0; i < text.size(); i++) {
      assertThat(split.getString(i)).isEqualTo(text.getString(i));
    }
  }

  /**
   * On texts that share a start (one changed from the other) and on texts that share none, the
   * numbered diff gives the histogram diff's edits over the texts without white space.
   */
  @Test
  void theEditsAreThoseOfTheTextsWithoutWhiteSpace() {
    Random random = new Random(23);
    int sharingAStart = 0;
    for (int n = 0; n < 6_000; n++) {
      RawText before = text(random);
      RawText after = random.nextInt(4) == 0 ? text(random) : changed(random, before);
      byte[] a = before.getRawContent();
      byte[] b = after.getRawContent();

      assertThat(LineDiff.of(a, b).edits()).as(texts(a, b)).isEqualTo(HISTOGRAM.diff(RawTextComparator.DEFAULT, withoutWhiteSpace(a),
          withoutWhiteSpace(b)));
      sharingAStart += LineDiff.sharedLinesEnd(a, b) > 0 ? 1 : 0;
    }
    assertThat(sharingAStart).as("pairs that share leading lines").isGreaterThan(2_000);
  }

  /**
   * Where lines equal but for white space tie (a blank line matches either of two), a comparison
   * that skips white space as it goes may pair different ones; what a change adds and removes,
   * read without white space, is the same.
   */
  @Test
  void addsAndRemovesWhatAComparisonSkippingWhiteSpaceDoes() {
    Random random = new Random(5);
    for (int n = 0; n < 3_000; n++) {
      RawText before = text(random);
      RawText after = text(random);
      EditList expected = HISTOGRAM.diff(RawTextComparator.WS_IGNORE_ALL, before, after);
      EditList edits = LineDiff.of(before.getRawContent(), after.getRawContent()).edits();
      String texts = texts(before.getRawContent(), after.getRawContent());

      assertThat(lines(after, edits, false)).as(texts).isEqualTo(lines(after, expected, false));
      assertThat(lines(before, edits, true)).as(texts).isEqualTo(lines(before, expected, true));
    }
  }

  /** Many distinct and repeated lines, more than any small table holds, on both sides. */
  @Test
  void numbersTheLinesOfLargeFiles() {
    Random random = new Random(3);
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      String line = "line " + random.nextInt(5_000) + (random.nextInt(10) == 0 ? " " : "") + "\n";
      before.append(line);
      after.append(random.nextInt(20) == 0 ? "changed " + i + "\n" : line);
    }
    byte[] a = before.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] b = after.toString().getBytes(StandardCharsets.US_ASCII);

    assertThat(LineDiff.of(a, b).edits()).isEqualTo(HISTOGRAM.diff(RawTextComparator.DEFAULT, withoutWhiteSpace(a), withoutWhiteSpace(b)));
  }

  private static LineDiff diff(String before, String after) {
    return LineDiff.of(before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
  }

  /** The text with spaces, tabs and carriage returns dropped, each line ended by a {@code \n}. */
  private static RawText withoutWhiteSpace(byte[] content) {
    RawText text = new RawText(content);
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < text.size(); i++) {
      kept.append(text.getString(i).replaceAll("[ \t\r]", "")).append('\n');
    }
    return new RawText(kept.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** {@code text} with a few of its lines replaced, removed or added. */
  private static RawText changed(Random random, RawText text) {
    List<String> changed = new ArrayList<>(List.of(new String(text.getRawContent(), StandardCharsets.US_ASCII).split("\n", -1)));
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int at = random.nextInt(changed.size() + 1);
      switch (random.nextInt(3)) {
        case 0 -> changed.add(at, LINES[random.nextInt(LINES.length)]);
        case 1 -> {
          if (at < changed.size()) {
            changed.remove(at);
          }
        }
        default -> {
          if (at < changed.size()) {
            changed.set(at, LINES[random.nextInt(LINES.length)]);
          }
        }
      }
    }
    return new RawText(String.join("\n", changed).getBytes(StandardCharsets.US_ASCII));
  }

  /** The lines the edits add to {@code text} (or remove from it), without white space, in sorted order. */
  private static List<String> lines(RawText text, EditList edits, boolean removed) {
    List<String> lines = new ArrayList<>();
    for (Edit edit : edits) {
      for (int i = removed ? edit.getBeginA() : edit.getBeginB(); i < (removed ? edit.getEndA() : edit.getEndB()); i++) {
        lines.add(text.getString(i).replaceAll("[ \t\r]", ""));
      }
    }
    Collections.sort(lines);
    return lines;
  }

  private static RawText text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int count = random.nextInt(12); count > 0; count--) {
      text.append(LINES[random.nextInt(LINES.length)]).append('\n');
    }
    if (random.nextBoolean()) {
      text.append(LINES[random.nextInt(LINES.length)]);
    }
    return new RawText(text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static String texts(byte[] a, byte[] b) {
    return new String(a, StandardCharsets.US_ASCII) + "\n--\n" + new String(b, StandardCharsets.US_ASCII);
  }
}
