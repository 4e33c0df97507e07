package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeEnvironmentTest {

  @Test
  void secretsAreRemovedAndTheRestIsKept() {
    Map<String, String> env = Map.ofEntries(
        Map.entry("PATH", "/usr/bin:/bin"), Map.entry("HOME", "/home/ci"), Map.entry("JAVA_HOME", "/usr/lib/jvm/17"),
        Map.entry("LANG", "C.UTF-8"), Map.entry("GITHUB_TOKEN", "ghs_x"), Map.entry("GITEA_TOKEN", "g"),
        Map.entry("ACTIONS_RUNTIME_TOKEN", "r"), Map.entry("AWS_SECRET_ACCESS_KEY", "a"), Map.entry("AWS_ACCESS_KEY_ID", "i"),
        Map.entry("NPM_TOKEN", "n"), Map.entry("DB_PASSWORD", "p"), Map.entry("SSH_AUTH_SOCK", "/tmp/agent"),
        Map.entry("OPENAI_API_KEY", "sk"), Map.entry("DEPLOY_PRIVATE_PEM", "-----"), Map.entry("GIT_ASKPASS", "/bin/askpass"),
        Map.entry("DATABASE_URL", "postgres://db/app"), Map.entry("UPSTREAM", "https://bot:hunter2@git.example.com/repo.git"),
        Map.entry("github_token", "lower"));

    SafeEnvironment.Scrubbed scrubbed = SafeEnvironment.scrub(env, List.of());

    assertThat(scrubbed.env()).containsKeys("PATH", "HOME", "JAVA_HOME", "LANG");
    assertThat(scrubbed.removed()).containsExactlyInAnyOrder("GITHUB_TOKEN", "GITEA_TOKEN", "ACTIONS_RUNTIME_TOKEN", "AWS_SECRET_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID", "NPM_TOKEN", "DB_PASSWORD", "SSH_AUTH_SOCK", "OPENAI_API_KEY", "DEPLOY_PRIVATE_PEM", "GIT_ASKPASS",
        "DATABASE_URL", "UPSTREAM", "github_token");
    assertThat(scrubbed.env().values()).noneMatch(value -> value.contains("hunter2") || value.contains("ghs_x"));
    assertThat(scrubbed.env()).containsEntry("CI", "true");
  }

  @Test
  void passEnvKeepsANamedVariableThatOnlyLooksSecret() {
    SafeEnvironment.Scrubbed scrubbed = SafeEnvironment.scrub(Map.of("FEATURE_KEY", "checkout-v2", "API_TOKEN", "t"), List.of("FEATURE_KEY"));

    assertThat(scrubbed.env()).containsEntry("FEATURE_KEY", "checkout-v2").doesNotContainKey("API_TOKEN");
  }
}
