package dev.claimaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private final Secrets secrets = Secrets.fromEnvironment(Map.of("NPM_TOKEN", "npm-secret-value-1234", "HOME", "/root/home/dir"));

  @Test
  void wellKnownTokenShapesAreMasked() {
    assertThat(secrets.redact("key AKIAIOSFODNN7EXAMPLE here")).isEqualTo("key [redacted] here");
    assertThat(secrets.redact("ghp_" + "x".repeat(36))).isEqualTo("[redacted]");
    assertThat(secrets.redact("xoxb-1234567890-abcdef")).isEqualTo("[redacted]");
    assertThat(secrets.redact("-----BEGIN OPENSSH PRIVATE KEY-----")).isEqualTo("[redacted]");
    assertThat(secrets.redact("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
        .isEqualTo("jwt [redacted]");
  }

  @Test
  void secretAssignmentsAndUrlPasswordsKeepTheirNames() {
    assertThat(secrets.redact("password = \"hunter2hunter2\"")).isEqualTo("password = \"[redacted]\"");
    assertThat(secrets.redact("API_KEY: abcdefgh12345678")).isEqualTo("API_KEY: [redacted]");
    assertThat(secrets.redact("https://user:pa55word99@host/x")).isEqualTo("https://user:[redacted]@host/x");
  }

  @Test
  void aPrivateKeyBlockIsMaskedLineByLine() {
    String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAEBx7Yk2mQ9Rw==\n"
        + "-----END OPENSSH PRIVATE KEY-----\nnext line";

    assertThat(secrets.redact(key)).isEqualTo("[redacted]\n[redacted]\n[redacted]\n[redacted]\nnext line");
  }

  @Test
  void variablesAreSecretByNameOrByValue() {
    assertThat(List.of("DEPLOY_PAT", "NPM_PASS", "DB_PWD", "DOCKER_HUB_PASS", "SLACK_WEBHOOK_URL", "AZURE_STORAGE_CONNECTION_STRING",
        "BEARER", "NETRC_CONTENT", "github_token")).allMatch(Secrets::secretName);
    assertThat(List.of("PWD", "OLDPWD", "PATH", "HOME", "GIT_AUTHOR_NAME", "GOPATH", "LANG")).noneMatch(Secrets::secretName);
    assertThat(List.of("AUTHORIZATION: basic eC1hY2Nlc3M=", "machine host login bot password x1", "ghp_" + "a1".repeat(18),
        "https://bot:pw@host/repo.git")).allMatch(Secrets::secretValue);
    assertThat(List.of("/usr/bin:/bin", "C.UTF-8", "Audit Bot", "https://host/repo.git")).noneMatch(Secrets::secretValue);
  }

  @Test
  void secretEnvironmentValuesAreMaskedAndOthersAreNot() {
    assertThat(secrets.redact("uses npm-secret-value-1234 in /root/home/dir")).isEqualTo("uses [redacted] in /root/home/dir");
  }

  @Test
  void ordinaryProseAndCodeAreLeftAlone() {
    String prose = "Implement the token parser and the password reset flow; adds 3 tests in src/auth_test.py, done";
    String code = "raise NotImplementedError  # TODO: token refresh";

    String paths = "src/main/java/dev/claimaudit/checks/dynamic/SafeEnvironment.java at 4221baf0c3e5d8a9b7f6e1d2c3b4a5f6e7d8c9b0a1";
    String identifier = "AbstractSingletonProxyFactoryBeanImplementationTest2";

    assertThat(secrets.redact(prose)).isEqualTo(prose);
    assertThat(secrets.redact(code)).isEqualTo(code);
    assertThat(secrets.redact(paths)).isEqualTo(paths);
    assertThat(secrets.redact(identifier)).isEqualTo(identifier);
    assertThat(secrets.redact((String) null)).isNull();
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of("password", "token", "=", ":", " ", "\"", "'", "AKIA", "ghp_", "sk-", "://", "@", "a", "Z",
        "0", "-", "_", "eyJ", ".", "npm-secret-value-1234", "[redacted]");
    return Arbitraries.oneOf(pieces.list().ofMaxSize(200).map(list -> String.join("", list)), Arbitraries.strings().all().ofMaxLength(300));
  }

  @Property(tries = 2_000)
  void maskingIsIdempotentAndRemovesTheEnvironmentSecret(@ForAll("texts") String text) {
    String once = secrets.redact(text);

    assertThat(secrets.redact(once)).isEqualTo(once);
    assertThat(once).doesNotContain("npm-secret-value-1234");
  }

  @Test
  void aMaskThatMakesAValueLongEnoughIsMaskedInTheSameCall() {
    String once = secrets.redact("password://=:=@");

    assertThat(once).isEqualTo("password:[redacted]");
    assertThat(secrets.redact(once)).isEqualTo(once);
  }

  @Test
  void aLongLineIsMaskedInBoundedTime() {
    String line = ("token=" + "a".repeat(600) + " ").repeat(2_000) + "://" + "u".repeat(150) + ":";

    long start = System.nanoTime();
    secrets.redact(line);

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
