package dev.claimaudit.claims;

import java.util.List;

/**
 * Where a placeholder sits, as the claims see it: its file, the functions, classes and tests
 * around it (outermost first), and what kind of placeholder it is.
 *
 * @param focus a focused test ({@code it.only}), which silences every other test of its file and
 *     so is in the scope of every claim
 */
public record Site(String path, List<String> symbols, Disclosure kind, boolean focus) {

  public Site {
    symbols = List.copyOf(symbols);
  }

  /** A site known only by its file. */
  public static Site inFile(String path, Disclosure kind) {
    return new Site(path, List.of(), kind, false);
  }
}
