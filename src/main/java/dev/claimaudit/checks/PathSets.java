package dev.claimaudit.checks;

import dev.claimaudit.lang.TestFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's path sets: what is not scanned at all ({@code ignore}), what a tool generated
 * ({@code generated}, not scanned for placeholders either), and what counts as a test file
 * beyond the usual conventions ({@code tests}).
 */
public record PathSets(PathFilter ignore, PathFilter generated, PathFilter tests) {

  public static PathSets defaults() {
    return new PathSets(PathFilter.defaults(), new PathFilter(List.of()), new PathFilter(List.of()));
  }

  /** Only an ignore set, as before the policy had path sets. */
  public static PathSets ignoring(PathFilter ignore) {
    return new PathSets(ignore, new PathFilter(List.of()), new PathFilter(List.of()));
  }

  /** Paths the placeholder scan skips: ignored or generated. */
  public PathFilter unscanned() {
    List<String> globs = new ArrayList<>(ignore.globs());
    globs.addAll(generated.globs());
    return new PathFilter(globs);
  }

  /** A test file by the frameworks' conventions or by the policy's {@code tests} globs. */
  public boolean isTest(String path) {
    return TestFiles.isTest(path) || tests.matches(path);
  }
}
