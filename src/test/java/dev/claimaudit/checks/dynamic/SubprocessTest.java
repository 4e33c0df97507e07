package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubprocessTest {
  @TempDir Path dir;
  private final Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

  @BeforeEach
  void shellIsInstalled() {
    assumeTrue(DynamicAudit.installed("sh") && DynamicAudit.installed("sleep"), "sh and sleep are needed");
  }

  @Test
  void theDeadlineEndsTheWholeTree() throws Exception {
    Subprocess.Result result = Subprocess.run(List.of("sh", "-c", "sleep 300 & echo $! > child.pid; sleep 300"), dir, env,
        Instant.now().plusSeconds(2), 4096);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(-1);
    long child = DynamicAudit.pid(dir.resolve("child.pid")).orElseThrow();
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(result.killed()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aProcessLeftBehindByACommandThatEndedIsEndedToo() throws Exception {
    Subprocess.Result result = Subprocess.run(List.of("sh", "-c", "sleep 300 > /dev/null 2>&1 & echo $! > child.pid; sleep 1"), dir, env,
        Instant.now().plusSeconds(60), 4096);

    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isZero();
    long child = DynamicAudit.pid(dir.resolve("child.pid")).orElseThrow();
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(result.killed()).isEqualTo(1);
  }

  @Test
  void outputOverTheCapKeepsItsBeginningAndItsEnd() throws Exception {
    Subprocess.Result result = Subprocess.run(List.of("sh", "-c", "echo FIRST; i=0; while [ $i -lt 5000 ]; do echo line-$i; i=$((i+1)); done; echo LAST >&2"),
        dir, env, Instant.now().plusSeconds(60), 8192);

    assertThat(result.truncated()).isTrue();
    assertThat(result.output()).startsWith("FIRST").contains("bytes of output not kept").endsWith("LAST\n");
    assertThat(result.output().length()).isLessThan(8192 + 100);
    assertThat(result.tail(1)).isEqualTo("LAST");
  }

  @Test
  void aMissingProgramIsAStartFailureNamingIt() {
    assertThatThrownBy(() -> Subprocess.run(List.of("no-such-test-runner-xyz"), dir, env, Instant.now().plusSeconds(5), 4096))
        .isInstanceOf(Subprocess.StartFailure.class)
        .hasMessage("no-such-test-runner-xyz is not installed (not found on PATH)");
  }

  @Test
  void theProgramIsFoundOnTheTestsOwnPath() {
    assertThatThrownBy(() -> Subprocess.run(List.of("sh", "-c", "true"), dir, Map.of("PATH", dir.toString()), Instant.now().plusSeconds(5), 4096))
        .isInstanceOf(Subprocess.StartFailure.class)
        .hasMessageContaining("sh is not installed");
  }

  @Test
  void aFailedBuildIsDiagnosedByItsFirstErrorsNotByItsAdvice() throws Exception {
    Subprocess.Result result = Subprocess.run(List.of("sh", "-c", """
        echo '[INFO] Compiling 3 source files'
        echo '[ERROR] COMPILATION ERROR : '
        echo '[ERROR] Source option 5 is no longer supported. Use 7 or later.'
        echo '[ERROR] Failed to execute goal maven-compiler-plugin:compile: Compilation failure'
        echo '[ERROR] -> [Help 1]'
        echo '[ERROR] For more information about the errors and possible solutions, please read the following articles:'
        exit 1
        """), dir, env, Instant.now().plusSeconds(30), 4096);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.diagnosis()).isEqualTo("Source option 5 is no longer supported. Use 7 or later."
        + " | Failed to execute goal maven-compiler-plugin:compile: Compilation failure");
  }
}
