package dev.claimaudit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The literal check before each glob never turns away a path the glob matches. */
class PathFilterPropertiesTest {
  private static final List<String> GLOBS = List.of(
      "**/vendor/**", "vendor/**", "**/*.min.js", "*.min.js", "docs/", "src/gen/*.py", "**/{build,dist}/**", "**/[Tt]est*/**",
      "a?c/**", "**/__snapshots__/**", "*.{pb.go,g.dart}", "x\\*y", "**");

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.of("vendor", "src", "gen", "a", "abc", "Test", "tests", "build", "dist", "docs", "x*y",
        "app.min.js", "m.pb.go", "__snapshots__", "main.py", "v", "min.js", ".min", "é");
    return segment.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join("/", parts));
  }

  @Property
  void aPathMatchesExactlyWhenTheGlobMatchesIt(@ForAll("paths") String path) {
    for (String glob : GLOBS) {
      boolean expected = FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path));
      assertThat(new PathFilter(List.of(glob)).matches(path)).as("%s against %s", path, glob).isEqualTo(expected);
    }
  }

  @Example
  void theRequiredTextIsTheLongestLiteralRunOutsideBracketsAndBraces() {
    assertThat(PathFilter.requiredText("**/vendor/**")).isEqualTo("/vendor/");
    assertThat(PathFilter.requiredText("**/*.min.js")).isEqualTo(".min.js");
    assertThat(PathFilter.requiredText("**/{build,dist}/**")).isEqualTo("/");
    assertThat(PathFilter.requiredText("src/[gG]en/*.py")).isEqualTo("src/");
    assertThat(PathFilter.requiredText("**")).isEmpty();
  }
}
