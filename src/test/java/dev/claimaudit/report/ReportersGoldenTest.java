package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one golden contract for every reporter: each format renders each of the fixed verdicts
 * (empty, one finding, many, a check failure, a block) exactly as its file under
 * {@code src/test/resources/golden/} says. Run with {@code -Dgolden.update=true} to rewrite the
 * files after an intended change, then read the diff.
 */
class ReportersGoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  static final SourceLinks LINKS = new SourceLinks("https://gitea.example.com/acme/widget", true);

  static Reporters.Settings settings() {
    return new Reporters.Settings(false, LINKS, RuleDocs.of(GoldenVerdicts.catalog(), dev.claimaudit.cli.FindingRegistry.builtIn().types()));
  }

  static String render(String format, Verdict verdict) throws IOException {
    StringBuilder out = new StringBuilder();
    Reporters.forFormat(format, settings()).orElseThrow().write(verdict, out);
    return out.toString();
  }

  static String extension(String format) {
    return switch (format) {
      case "json", "rdjson", "gitea-comment" -> ".json";
      case "sarif" -> ".sarif";
      case "rdjsonl" -> ".jsonl";
      case "markdown" -> ".md";
      default -> ".txt";
    };
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String name : GoldenVerdicts.all().keySet()) {
      for (String format : Reporters.formats()) {
        cases.add(Arguments.of(name, format));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void rendersExactlyAsTheGoldenFile(String name, String format) throws IOException {
    String actual = render(format, GoldenVerdicts.all().get(name));
    Path golden = GOLDEN.resolve(name).resolve(format + extension(format));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file for %s as %s (create it with -Dgolden.update=true)", name, format).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyReporterIsDeterministic() throws IOException {
    for (Map.Entry<String, Verdict> verdict : GoldenVerdicts.all().entrySet()) {
      for (String format : Reporters.formats()) {
        assertThat(render(format, verdict.getValue())).as("%s as %s", verdict.getKey(), format)
            .isEqualTo(render(format, verdict.getValue()));
      }
    }
  }

  @Test
  void noGoldenFileIsLeftOverFromAFormatOrVerdictThatNoLongerExists() throws IOException {
    List<Path> expected = new ArrayList<>();
    for (String name : GoldenVerdicts.all().keySet()) {
      for (String format : Reporters.formats()) {
        expected.add(GOLDEN.resolve(name).resolve(format + extension(format)));
      }
    }
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      assertThat(files.filter(Files::isRegularFile).toList()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
