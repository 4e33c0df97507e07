package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.util.RawParseUtils;

/** A blob used as it is for the diff reads exactly as the full decoding would read it. */
class TextContentPropertiesTest {

  @Provide
  Arbitrary<byte[]> blobs() {
    Arbitrary<String> pieces = Arbitraries.of("a", "x = 1;", " ", "\n", "\r\n", "\r", "\t", "\u000b", "\u001b", "\u0000", "é", "€", "𝄞",
        "\ud800", "\uFEFF", "// TODO", "\"");
    Arbitrary<byte[]> text = pieces.list().ofMaxSize(60).map(list -> String.join("", list).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    Arbitrary<byte[]> nearUtf8 = Arbitraries.of((byte) 0xC0, (byte) 0xC2, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4,
        (byte) 0xF5, (byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 0xBB, (byte) 0xFE, (byte) 0xFF, (byte) 'a', (byte) '\n')
        .array(byte[].class).ofMaxSize(12);
    return Arbitraries.oneOf(text, text, raw, nearUtf8);
  }

  @Property
  void theDiffBytesAndTextAreThoseOfTheFullDecoding(@ForAll("blobs") byte[] blob) {
    Optional<String> decoded = TextContent.decode(blob);
    Optional<TextContent.Readable> readable = TextContent.readable(blob);

    assertThat(readable.isPresent()).isEqualTo(decoded.isPresent());
    readable.ifPresent(read -> {
      assertThat(read.text().get()).isEqualTo(decoded.get());
      assertThat(read.bytes()).isEqualTo(TextContent.diffBytes(decoded.get()));
      assertThat(read.plain()).isEqualTo(LineText.plain(read.bytes()));
    });
  }

  /**
   * A blob the line diff finds printable is one that {@link TextContent#readable} would use as it
   * is and call plain, and is read as {@link TextContent#printable} reads it; the diff of two blobs
   * finds them printable exactly when both are, however long the start they share.
   */
  @Property
  void aPrintableBlobIsReadAsItIs(@ForAll("blobs") byte[] blob, @ForAll("blobs") byte[] other) {
    Optional<TextContent.Readable> readable = TextContent.readable(blob);
    boolean usedAsItIsAndPlain = readable.isPresent() && readable.get().bytes() == blob && readable.get().plain();

    assertThat(printable(blob)).isEqualTo(usedAsItIsAndPlain);
    LineDiff.printableLines(blob).ifPresent(lines -> assertThat(lines.toString()).isEqualTo(RawParseUtils.lineMap(blob, 0, blob.length).toString()));
    if (usedAsItIsAndPlain) {
      assertThat(TextContent.printable(blob).text().get()).isEqualTo(readable.get().text().get());
    }
    byte[] sharingAStart = new byte[blob.length + other.length];
    System.arraycopy(blob, 0, sharingAStart, 0, blob.length);
    System.arraycopy(other, 0, sharingAStart, blob.length, other.length);
    assertThat(LineDiff.of(blob, sharingAStart).printable()).isEqualTo(printable(blob) && printable(sharingAStart));
    assertThat(LineDiff.of(sharingAStart, blob).printable()).isEqualTo(printable(blob) && printable(sharingAStart));
    assertThat(LineDiff.of(other, blob).printable()).isEqualTo(printable(blob) && printable(other));
  }

  private static boolean printable(byte[] blob) {
    return LineDiff.printableLines(blob).isPresent();
  }

  /** A removed line reads as JGit's own {@link RawText#getString(int)} reads it, with or without the plain fast path. */
  @Property
  void aLineReadsAsJGitReadsIt(@ForAll("blobs") byte[] blob) {
    RawText jgit = new RawText(blob);
    LineText plainAsFound = new LineText(blob, LineText.plain(blob));
    for (int i = 0; i < jgit.size(); i++) {
      assertThat(plainAsFound.lineAsRead(i)).isEqualTo(jgit.getString(i));
    }
  }
}
