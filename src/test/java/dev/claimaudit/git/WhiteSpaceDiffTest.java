package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A change that only re-indents a line or converts its line end adds nothing: lines are compared
 * without their white space, byte for byte once it is dropped, which must give the edits of a
 * comparison that skips white space as it goes.
 */
class WhiteSpaceDiffTest {
  private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

  @Test
  void droppingWhiteSpaceKeepsEveryLineAndItsNumber() {
    RawText text = new RawText("  a b\r\n\t\n c\n   ".getBytes(StandardCharsets.US_ASCII));
    RawText without = withoutWhiteSpace(text);

    assertThat(without.size()).isEqualTo(text.size()).isEqualTo(4);
    assertThat(without.getString(0)).isEqualTo("ab");
    assertThat(without.getString(1)).isEmpty();
    assertThat(without.getString(2)).isEqualTo("c");
    assertThat(withoutWhiteSpace(new RawText(new byte[0])).size()).isZero();
    assertThat(withoutWhiteSpace(new RawText(" \t".getBytes(StandardCharsets.US_ASCII))).size()).isEqualTo(1);
  }

  /**
   * The lines noted while the white space is dropped are those JGit finds: in the text as it is,
   * and in the bytes left without white space.
   */
  @Test
  void theLinesNotedInOnePassAreThoseJGitFinds() {
    Random random = new Random(11);
    String[] lines = {"a", " a", "a\r", "\ta ", "", "  ", "\t\r", "}"};
    for (int n = 0; n < 2_000; n++) {
      RawText text = text(random, lines);
      SplitText split = SplitText.of(text.getRawContent());

      assertSameLines(new RawText(text.getRawContent(), split.lines()), text);
      assertSameLines(split.compared(), new RawText(withoutUnusedEnd(split.compared().getRawContent())));
    }
  }

  private static void assertSameLines(RawText actual, RawText expected) {
    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.isMissingNewlineAtEnd()).isEqualTo(expected.isMissingNewlineAtEnd());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.getString(i)).isEqualTo(expected.getString(i));
      assertThat(RawTextComparator.DEFAULT.hash(actual, i)).isEqualTo(RawTextComparator.DEFAULT.hash(expected, i));
    }
  }

  /**
   * Where lines equal but for white space tie (a blank line matches either of two), the two
   * comparisons may pair different ones; what a change adds and removes, read without white
   * space, is the same.
   */
  @Test
  void theEditsAreThoseOfAComparisonThatSkipsWhiteSpace() {
    Random random = new Random(5);
    String[] lines = {"a", " a", "a\r", "\ta ", "b", "b c", "bc", "", "  ", "}", "x = 1;", "x=1;"};
    for (int n = 0; n < 3_000; n++) {
      RawText before = text(random, lines);
      RawText after = text(random, lines);
      EditList expected = HISTOGRAM.diff(RawTextComparator.WS_IGNORE_ALL, before, after);
      EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, withoutWhiteSpace(before), withoutWhiteSpace(after));
      String texts = new String(before.getRawContent(), StandardCharsets.US_ASCII) + "\n--\n" + new String(after.getRawContent(), StandardCharsets.US_ASCII);
      assertThat(lines(after, edits, false)).as(texts).isEqualTo(lines(after, expected, false));
      assertThat(lines(before, edits, true)).as(texts).isEqualTo(lines(before, expected, true));
    }
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

  /** The bytes of the copy that hold its text: the array is longer, and these texts hold no NUL byte. */
  private static byte[] withoutUnusedEnd(byte[] content) {
    int end = content.length;
    while (end > 0 && content[end - 1] == 0) {
      end--;
    }
    return Arrays.copyOf(content, end);
  }

  private static RawText withoutWhiteSpace(RawText text) {
    return SplitText.of(text.getRawContent()).compared();
  }

  private static RawText text(Random random, String[] lines) {
    StringBuilder text = new StringBuilder();
    for (int count = random.nextInt(12); count > 0; count--) {
      text.append(lines[random.nextInt(lines.length)]).append('\n');
    }
    if (random.nextBoolean()) {
      text.append(lines[random.nextInt(lines.length)]);
    }
    return new RawText(text.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
