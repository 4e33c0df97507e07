package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A file that holds none of its language's declaration words is taken to declare no test without
 * its lines being matched: every line the declaration pattern matches must hold one of them.
 */
class TestDeclarationWordsTest {
  private static final List<Language> WITH_WORDS = List.of(Language.JAVA, Language.KOTLIN, Language.SCALA, Language.GROOVY);

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> parts = Arbitraries.of("@Test", "@TestFactory", "@ParameterizedTest", "@RepeatedTest", "@TestTemplate",
        "@Property", "@Example", "@RetryingTest", "@Override", "@", "Test", "test", "should", "it", "they", "must", "can", "def", "in",
        "(", ")", "{", "\"", "'", "name", " ", "  ", "\t", "void", "fun");
    return parts.list().ofMaxSize(12).map(list -> String.join("", list));
  }

  @Property(tries = 3000)
  void aLineThatDeclaresATestHoldsADeclarationWord(@ForAll("lines") String line) {
    for (Language language : WITH_WORDS) {
      if (TestCounter.declaration(language).orElseThrow().matcher(line).find()) {
        assertThat(TestCounter.mayDeclare(language, line)).as("%s in %s", line, language).isTrue();
      }
    }
  }

  @Test
  void everyDeclaringLineOfTheProjectHoldsOne() throws IOException {
    List<Path> files = ProjectSources.under("src");
    int declaring = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        for (Language language : WITH_WORDS) {
          if (TestCounter.declaration(language).orElseThrow().matcher(line).find()) {
            declaring++;
            assertThat(TestCounter.mayDeclare(language, line)).as("%s in %s", line, language).isTrue();
          }
        }
      }
    }
    assertThat(declaring).as("declaring lines read").isGreaterThan(1_000);
  }
}
