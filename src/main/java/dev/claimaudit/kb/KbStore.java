package dev.claimaudit.kb;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the knowledge base's files are kept: a directory guarded by a file lock, or a git ref
 * updated by compare-and-swap. Either way appends are atomic, and concurrent writers lose nothing.
 */
public interface KbStore {

  /** The location as the user gave it, for messages. */
  String describe();

  /** Streams {@code file}'s lines; a missing file has none. */
  void read(String file, JsonLines.Visitor visitor);

  /** The exact bytes of {@code file}, long lines included; empty when missing. */
  byte[] bytes(String file);

  /** Appends whole lines at once: a reader sees all of them or none, and no line is torn. */
  void append(String file, List<String> lines);

  /** Replaces {@code file} with what {@code change} makes of its current bytes (empty when missing), atomically. */
  void rewrite(String file, UnaryOperator<byte[]> change);
}
