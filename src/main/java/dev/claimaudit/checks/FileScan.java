package dev.claimaudit.checks;

import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.FileDiff;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.rules.Catalog;
import java.util.List;
import java.util.Optional;

/**
 * The scan that the one pass over the changed files runs on each of them: the placeholder check
 * plugs it in where the audit is assembled, so that the pass does not depend on the check it
 * feeds. One scan serves one audit, from several threads at once.
 */
public interface FileScan {
  /**
   * What the scan of one file gives.
   *
   * @param findings the placeholders found
   * @param unscannable why the file, which may hold code, could not be read as code; empty when it was
   * @param lexedHead the file at head, lexed whole in the language its name gives, when the scan
   *     had to lex it: what else the pass reads in the file's code need not lex it again
   */
  record Result(List<Finding> findings, Optional<String> unscannable, Optional<LexedText> lexedHead) {
    public static final Result NOTHING = new Result(List.of(), Optional.empty(), Optional.empty());
  }

  /** The findings in one changed file's added lines. */
  Result scan(FileChange file, FileDiff diff);

  /** Takes the lines the change removes from a file, deleted files included. */
  void removed(List<String> lines);

  /** The findings of every file, once all are scanned, without those the removed lines show to be old. */
  List<Finding> settle(List<Finding> findings);

  /** Opens the scan of one audit. */
  @FunctionalInterface
  interface Opener {
    FileScan open(Catalog catalog, PathSets paths);
  }
}
