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

  /**
   * The lines two texts start with are left out of the copies the diff compares: the edits are
   * exactly those of the whole texts, line numbers shifted back, on texts that share a start
   * (one changed from the other) and on texts that share none.
   */
  @Test
  void leavingOutTheSharedStartChangesNoEdit() {
    Random random = new Random(23);
    String[] lines = {"a", " a", "a\r", "\ta ", "b", "b c", "bc", "", "  ", "}", "x = 1;", "x=1;"};
    int shortened = 0;
    for (int n = 0; n < 5_000; n++) {
      RawText before = text(random, lines);
      RawText after = random.nextInt(4) == 0 ? text(random, lines) : changed(random, before, lines);
      byte[] a = before.getRawContent();
      byte[] b = after.getRawContent();
      int shared = SplitText.sharedLinesEnd(a, b);
      SplitText fromA = SplitText.of(a, shared);
      SplitText fromB = SplitText.of(b, shared);
      assertThat(fromA.lines().toString()).isEqualTo(SplitText.of(a).lines().toString());
      assertThat(fromB.firstCompared()).isEqualTo(fromA.firstCompared());
      EditList shifted = new EditList();
      for (Edit edit : HISTOGRAM.diff(RawTextComparator.DEFAULT, fromA.compared(), fromB.compared())) {
        shifted.add(new Edit(edit.getBeginA() + fromA.firstCompared(), edit.getEndA() + fromA.firstCompared(),
            edit.getBeginB() + fromB.firstCompared(), edit.getEndB() + fromB.firstCompared()));
      }
      EditList whole = HISTOGRAM.diff(RawTextComparator.DEFAULT, SplitText.of(a).compared(), SplitText.of(b).compared());
      assertThat(shifted).as(new String(a, StandardCharsets.US_ASCII) + "\n--\n" + new String(b, StandardCharsets.US_ASCII))
          .isEqualTo(whole);
      shortened += fromA.firstCompared() > 0 ? 1 : 0;
    }
    assertThat(shortened).as("pairs that share leading lines").isGreaterThan(2_000);
  }

  /** {@code text} with a few of its lines replaced, removed or added. */
  private static RawText changed(Random random, RawText text, String[] lines) {
    List<String> changed = new ArrayList<>(List.of(new String(text.getRawContent(), StandardCharsets.US_ASCII).split("\n", -1)));
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int at = random.nextInt(changed.size() + 1);
      switch (random.nextInt(3)) {
        case 0 -> changed.add(at, lines[random.nextInt(lines.length)]);
        case 1 -> {
          if (at < changed.size()) {
            changed.remove(at);
          }
        }
        default -> {
          if (at < changed.size()) {
            changed.set(at, lines[random.nextInt(lines.length)]);
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
