package dev.claimaudit.kb;

import dev.claimaudit.git.RefFiles;
import dev.claimaudit.text.Texts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The knowledge base as files under a git ref of the audited repository
 * ({@code refs/claim-audit/kb}), which a pull request cannot push to. CI fetches the ref before
 * the audit and pushes it after (see {@code ci/KB.md}).
 */
public final class RefStore implements KbStore {
  private final RefFiles files;

  public RefStore(RefFiles files) {
    this.files = files;
  }

  public String ref() {
    return files.ref();
  }

  @Override
  public String describe() {
    return "git:" + files.ref();
  }

  @Override
  public void read(String file, JsonLines.Visitor visitor) {
    byte[] bytes = bytes(file);
    try {
      JsonLines.read(new ByteArrayInputStream(bytes), visitor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] bytes(String file) {
    return files.read(file).orElse(new byte[0]);
  }

  @Override
  public void append(String file, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    byte[] added = text.toString().getBytes(StandardCharsets.UTF_8);
    files.update("claim-audit: append " + Texts.plural(lines.size(), "line") + " to " + file, List.of(file),
        current -> Map.of(file, concat(current.get(file), added)), null);
  }

  @Override
  public void rewrite(String file, UnaryOperator<byte[]> change) {
    files.update("claim-audit: rewrite " + file, List.of(file), current -> Map.of(file, change.apply(current.get(file))), null);
  }

  /** Rewrites {@code names} in one commit whose second parent is {@code otherRef}'s tip, so that pushing it fast-forwards the other copy. */
  void merge(String otherRef, List<String> names, UnaryOperator<Map<String, byte[]>> change) {
    files.update("claim-audit: merge " + otherRef, names, change, otherRef);
  }

  /** {@code current} with {@code added} after it, on a line of their own. */
  static byte[] concat(byte[] current, byte[] added) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(current.length + added.length + 1);
    out.writeBytes(current);
    if (current.length > 0 && current[current.length - 1] != '\n') {
      out.write('\n');
    }
    out.writeBytes(added);
    return out.toByteArray();
  }
}
