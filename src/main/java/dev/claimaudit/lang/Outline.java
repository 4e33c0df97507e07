package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The named blocks of a source file: its types, functions and tests, with the lines they span.
 * A placeholder is judged by the block it sits in: the claim "add the CSV importer" is about
 * {@code class CsvImporter}, not about {@code fn export_pdf}.
 */
public final class Outline {
  private final List<Block> blocks;

  Outline(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** An outline that knows no block, for a file no outliner reads. */
  public static Outline empty() {
    return new Outline(List.of());
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The blocks that hold {@code line}, outermost first. */
  public List<Block> enclosing(int line) {
    List<Block> chain = new ArrayList<>();
    for (Block block : blocks) {
      if (block.startLine() <= line && line <= block.endLine()) {
        chain.add(block);
      }
    }
    chain.sort((a, b) -> a.startLine() != b.startLine() ? Integer.compare(a.startLine(), b.startLine()) : Integer.compare(b.endLine(), a.endLine()));
    return chain;
  }

  /** The innermost block of {@code kind} that holds {@code line}, or {@code null}. */
  public Block innermost(int line, Kind kind) {
    List<Block> chain = enclosing(line);
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i).kind() == kind) {
        return chain.get(i);
      }
    }
    return null;
  }

  /** What a block is. */
  public enum Kind {
    /** A class, interface, trait, struct, enum, object, module or impl block. */
    TYPE,
    /** A function, method, constructor or closure bound to a name. */
    FUNCTION,
    /** A group of tests: {@code describe("…")}, a test class is a {@link #TYPE}. */
    SUITE,
    /** One test case: {@code it("…")}, {@code test("…")}, {@code t.Run("…")}. */
    TEST
  }

  /**
   * One named block.
   *
   * @param name its name as written: an identifier, or a test's description
   * @param header the declaration, from its first line up to where its body opens, as written
   * @param annotations the annotations, decorators and attributes right above it ({@code @Test},
   *     {@code @abstractmethod}, {@code #[ignore]}), in source order
   * @param startLine the first line of the declaration (annotations excluded)
   * @param bodyLine the line on which the body opens
   * @param endLine the last line of the body
   */
  public record Block(Kind kind, String name, String header, List<String> annotations, int startLine, int bodyLine, int endLine) {
    public Block {
      annotations = List.copyOf(annotations);
    }
  }
}
