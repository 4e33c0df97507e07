package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.claimaudit.claims.PullRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The event payload parser on any file: a pull request or one clear line, never another failure, never slow. */
class EventPayloadPropertiesTest {
  private static Path file;

  @BeforeContainer
  static void createFile() throws IOException {
    file = Files.createTempFile("event-", ".json");
  }

  @AfterContainer
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** JSON-shaped payloads with members of every type where a pull request's fields go, and raw noise. */
  @Provide
  Arbitrary<String> payloads() {
    Arbitrary<String> values = Arbitraries.of(
        "null", "true", "7", "-1", "1e999", "9999999999999999999999", "\"\"", "\"Implemented, done\"", "\"\\u001b[31m\"", "\"\\ud800\"",
        "[]", "{}", "[1,[2,[3]]]", "{\"sha\": \"0123456789abcdef0123456789abcdef01234567\"}", "{\"sha\": 5}", "{\"sha\": \"zz\"}", "\"x\"");
    Arbitrary<String> keys = Arbitraries.of("number", "title", "body", "draft", "base", "head", "merge_base", "pull_request", "x", "");
    Arbitrary<String> member = net.jqwik.api.Combinators.combine(keys, values).as((key, value) -> "\"" + key + "\": " + value);
    Arbitrary<String> pullRequest = member.list().ofMaxSize(8).map(members -> "{\"pull_request\": {" + String.join(", ", members) + "}}");
    Arbitrary<String> mutated = pullRequest.flatMap(json -> Arbitraries.integers().between(0, json.length())
        .map(cut -> json.substring(0, cut)));
    return Arbitraries.oneOf(pullRequest, pullRequest, mutated, Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufals\\ ").ofMaxLength(120),
        Arbitraries.strings().all().ofMaxLength(120));
  }

  @Property
  void anyPayloadIsAPullRequestOrOneClearLine(@ForAll("payloads") String payload) {
    write(payload);
    long start = System.nanoTime();
    Throwable error = catchThrowable(() -> {
      PullRequest pullRequest = EventPayload.read(file).pullRequest();
      assertThat(pullRequest.title()).isNotNull();
      assertThat(pullRequest.body()).isNotNull();
      if (pullRequest.baseSha() != null) {
        assertThat(pullRequest.baseSha()).matches("[0-9a-fA-F]{7,64}");
      }
    });
    long millis = (System.nanoTime() - start) / 1_000_000;

    if (error != null) {
      assertThat(error).isInstanceOf(BadInputException.class);
      assertThat(error.getMessage()).startsWith("event payload ").doesNotContain("\n");
    }
    assertThat(millis).isLessThan(2_000);
  }

  private static void write(String payload) {
    try {
      Files.write(file, payload.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
