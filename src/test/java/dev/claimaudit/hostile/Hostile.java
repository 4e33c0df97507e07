package dev.claimaudit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI on hostile input and holds every run to the gate's contract: it ends within
 * {@link #BOUND}, it prints a verdict (exit 0 or 1) or exactly one line on stderr (exit 2), and
 * nothing it prints holds a stack trace or a raw escape or control character.
 */
final class Hostile {
  /** Generous on a loaded two-core machine; a hang or a quadratic blow-up exceeds it by far. */
  static final Duration BOUND = Duration.ofSeconds(90);

  private Hostile() {}

  static CliRun audit(String... args) {
    return auditWith(Map.of(), "", args);
  }

  static CliRun auditWith(Map<String, String> env, String stdin, String... args) {
    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.withEnv(env, stdin, args));
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isBetween(0, 2);
    assertClean(run.out());
    assertClean(run.err());
    return run;
  }

  /** Exit 0 (pass or warn) or 1 (block), with a verdict on stdout and nothing on stderr. */
  static CliRun verdict(CliRun run, int expectedCode) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(expectedCode);
    assertThat(run.out()).isNotBlank();
    assertThat(run.err()).isEmpty();
    return run;
  }

  /** Exit 2 with exactly one line on stderr, starting {@code audit: } and holding {@code fragment}. */
  static CliRun badInput(CliRun run, String fragment) {
    assertThat(run.exitCode()).as("exit code; stdout: %s", run.out()).isEqualTo(2);
    assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
    assertThat(run.err()).startsWith("audit: ").contains(fragment);
    assertThat(run.out()).isEmpty();
    return run;
  }

  private static void assertClean(String printed) {
    assertThat(printed).doesNotContain("\tat ").doesNotContain("internal error")
        .doesNotContainPattern("(?m)^[\\w.$]+(Exception|Error)\\b");
    for (int i = 0; i < printed.length(); i++) {
      char c = printed.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
          || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
      assertThat(control).as("raw control character U+%04X at %d of the output", (int) c, i).isFalse();
    }
  }

  static JsonNode json(CliRun run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules of the verdict's findings that are not suppressed, as {@code path:line:rule}. */
  static List<String> findings(CliRun run) {
    List<String> found = new ArrayList<>();
    for (JsonNode finding : json(run).path("findings")) {
      if (!finding.path("suppressed").asBoolean(false)) {
        found.add(finding.path("path").asText() + ":" + finding.path("line").asText() + ":" + finding.path("rule").asText());
      }
    }
    return found;
  }

  /** Runs real git in {@code dir} with a fixed identity and no user or system configuration; fails on a non-zero exit. */
  static String git(Path dir, String... args) {
    return gitWithInput(dir, null, args);
  }

  static String gitWithInput(Path dir, byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always",
        "-c", "core.autocrlf=false", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Processes.Result result = Processes.run(dir, Map.of("HOME", dir.toString()), stdin == null ? new byte[0] : stdin, command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + result.out() + result.err());
    }
    return result.out().strip();
  }
}
