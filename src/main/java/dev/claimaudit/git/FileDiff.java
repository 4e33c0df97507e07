package dev.claimaudit.git;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One file's side of the net diff: the lines it adds and its whole text at head, read from the
 * same blob. The text is decoded only when asked for, so a file whose added lines hold nothing
 * of interest costs no decoding of the rest of it.
 */
public final class FileDiff {
  static final FileDiff NONE = new FileDiff(List.of(), Optional::empty, true);

  private final List<AddedLine> addedLines;
  private final Supplier<Optional<String>> headText;
  private final boolean linesAsInHead;
  private final String skipped;
  private final List<String> removedLines;

  FileDiff(List<AddedLine> addedLines, Supplier<Optional<String>> headText, boolean linesAsInHead) {
    this(addedLines, headText, linesAsInHead, null, List.of());
  }

  FileDiff(List<AddedLine> addedLines, Supplier<Optional<String>> headText, boolean linesAsInHead, List<String> removedLines) {
    this(addedLines, headText, linesAsInHead, null, removedLines);
  }

  private FileDiff(List<AddedLine> addedLines, Supplier<Optional<String>> headText, boolean linesAsInHead, String skipped,
      List<String> removedLines) {
    this.addedLines = Collections.unmodifiableList(addedLines);
    this.headText = headText;
    this.linesAsInHead = linesAsInHead;
    this.skipped = skipped;
    this.removedLines = Collections.unmodifiableList(removedLines);
  }

  /** The diff of a file whose content turned out unreadable when it was read, with the reason. */
  static FileDiff skipped(String reason) {
    return new FileDiff(List.of(), Optional::empty, true, reason, List.of());
  }

  /**
   * The lines the net diff removes from the file at the merge base, in order (every line of a
   * deleted file); with {@link #addedLines()} they tell code that moved from code that is new.
   */
  public List<String> removedLines() {
    return removedLines;
  }

  /** Why the file's content could not be read as text (binary), or empty when it could. */
  public Optional<String> skipped() {
    return Optional.ofNullable(skipped);
  }

  /**
   * A diff of a file whose whole text at head is {@code headText} and whose added lines are lines
   * of that text, as a scan sees it; for benchmarks and callers that hold the text already.
   */
  public static FileDiff of(List<AddedLine> addedLines, String headText) {
    boolean plain = true;
    for (int i = 0; i < headText.length() && plain; i++) {
      char c = headText.charAt(i);
      plain = c != 0 && c < 128 && (c != '\r' || (i + 1 < headText.length() && headText.charAt(i + 1) == '\n'));
    }
    return new FileDiff(addedLines, () -> Optional.of(headText), plain);
  }

  /** Lines the net diff adds, in order; empty for a skipped file. */
  public List<AddedLine> addedLines() {
    return addedLines;
  }

  /**
   * Whether each added line is exactly line {@link AddedLine#number()} of {@link #headText()},
   * whichever line terminators that text is split at: true for plain ASCII text without lone
   * carriage returns, where decoding and splitting cannot disagree.
   */
  public boolean linesAsInHead() {
    return linesAsInHead;
  }

  /** The file at head, decoded as {@link ChangeSet#readAtHead} decodes it; decoded again on each call. */
  public Optional<String> headText() {
    return headText.get();
  }
}
