package dev.claimaudit.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A claim names a changed file by its path: the comparison is written without a pattern or a
 * string per call, and must say what the plain definition says, on paths of every shape.
 */
class ScopePathTest {
  private static final String[] PARTS = {"a", "b", "/", "./", ".", "\\", "ab", "\n", "\u2028", "\r\n", "\u0085"};

  @Test
  void aNamedPathIsNormalisedAsThePatternsNormaliseIt() {
    assertThat(Scope.normalPath("./src/io/")).isEqualTo("src/io");
    assertThat(Scope.normalPath(".\\src\\io")).isEqualTo("src/io");
    Random random = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      String named = text(random);
      String expected = named.replace('\\', '/').replaceFirst("^\\./", "").replaceFirst("/$", "");
      assertThat(Scope.normalPath(named)).as(named).isEqualTo(expected);
    }
  }

  @Test
  void aPathNamesTheFileItEndsStartsOrIsAFolderRunOf() {
    assertThat(Scope.sameFile("src/io/Reader.java", "io/Reader.java")).isTrue();
    assertThat(Scope.sameFile("src/io/Reader.java", "src/io")).isTrue();
    assertThat(Scope.sameFile("src/io/Reader.java", "io")).isTrue();
    assertThat(Scope.sameFile("src/io/Reader.java", "o/Reader.java")).isFalse();
    assertThat(Scope.sameFile("src/ion/Reader.java", "io")).isFalse();
    Random random = new Random(7);
    for (int n = 0; n < 50_000; n++) {
      String actual = text(random);
      String named = text(random);
      String a = actual.replace('\\', '/');
      String p = Scope.normalPath(named);
      boolean expected = a.equals(p) || a.endsWith("/" + p) || a.startsWith(p + "/") || a.contains("/" + p + "/");
      assertThat(Scope.sameFile(actual, named)).as(actual + " | " + named).isEqualTo(expected);
    }
  }

  /**
   * The paths of a change name every run of their parts, folders and file alike: a folder's runs,
   * added once for all its files, are those of the plain definition, on many files of few folders.
   */
  @Test
  void theChangedPathsNameEveryRunOfTheirParts() {
    Random random = new Random(19);
    String[] parts = {"a", "b", "src", "", "x.java", "\\"};
    for (int n = 0; n < 500; n++) {
      List<String> paths = new ArrayList<>();
      Set<String> runs = new HashSet<>();
      for (int count = random.nextInt(8); count > 0; count--) {
        StringBuilder path = new StringBuilder(parts[random.nextInt(parts.length)]);
        for (int depth = random.nextInt(4); depth > 0; depth--) {
          path.append(random.nextBoolean() ? "/" : "\\").append(parts[random.nextInt(parts.length)]);
        }
        paths.add(path.toString());
        String[] split = path.toString().replace('\\', '/').split("/");
        for (int i = 0; i < split.length; i++) {
          for (int j = i; j < split.length; j++) {
            runs.add(String.join("/", Arrays.copyOfRange(split, i, j + 1)));
          }
        }
      }
      Terms terms = Terms.ofPaths(paths);
      for (String run : runs) {
        assertThat(terms.namesPath(run)).as("%s in %s", run, paths).isTrue();
      }
      for (int tries = 0; tries < 20; tries++) {
        String other = text(random).replace('\\', '/');
        assertThat(terms.namesPath(other)).as("%s in %s", other, paths).isEqualTo(runs.contains(other));
      }
    }
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int count = random.nextInt(7); count > 0; count--) {
      text.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return text.toString();
  }
}
