package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.ChatServer;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials of the job that audits a change must reach neither the change's tests, nor the records, nor the model. */
class LeakCasesTest {
  private static final String GITHUB_TOKEN = "ghp_" + "R8kq2ZxW4mN7pL1vB9cT3yH6jF0dS5aE2uQx";
  private static final String STRIPE_KEY = "sk_live_" + "51HqLyjWDarjtT1zdp7dcXYZ" + "abcdEFGH1234";
  private static final String NPM_KEY = "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
  private static final String SLACK_HOOK = "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
  /** A key body line: the first line of any OpenSSH private key, then one of random base64. */
  private static final String KEY_BODY_1 = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
  private static final String KEY_BODY_2 = "QyNTUxOQAAACDq7Qz9Xc2VbH1kLmN0pR4sT6uW8yA3bC5dE7fG9hJ1kAAAAJgx2y3z4";
  private static final String KEY_BODY_LAST = "AAAEBx7Yk2mQ9Rw==";
  /** A secret with no shape of its own, held by a variable of a secret name, and written into the change under an innocent one. */
  private static final String PLAIN_SECRET = "correct-horse-battery-staple-42";

  @TempDir Path dir;

  private Path repo() {
    return dir.resolve("repo");
  }

  private static boolean node() {
    return Stream.of(System.getenv("PATH").split(":")).anyMatch(entry -> Files.isExecutable(Path.of(entry, "node")));
  }

  /** The variables a CI job may hold, each of a name or a value the tests must not see. */
  private static Map<String, String> jobEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("FIXTURE_MARKER", "visible");
    env.put("DEPLOY_PAT", "pat-0123456789abcdef");
    env.put("NPM_PASS", "npm-pass-value-1");
    env.put("DB_PWD", "db-password-value");
    env.put("DOCKER_HUB_PASS", "docker-hub-value");
    env.put("SLACK_WEBHOOK_URL", SLACK_HOOK);
    env.put("AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5LXZhbHVl;EndpointSuffix=x");
    env.put("BEARER", "bearer-value-0123");
    env.put("NETRC_CONTENT", "machine git.example.com login bot password netrc-value-1");
    env.put("BUILD_LABEL", GITHUB_TOKEN);
    env.put("GIT_CONFIG_COUNT", "2");
    env.put("GIT_CONFIG_KEY_0", "http.https://git.example.com/.extraheader");
    env.put("GIT_CONFIG_VALUE_0", "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46c2VjcmV0");
    env.put("GIT_CONFIG_KEY_1", "user.name");
    env.put("GIT_CONFIG_VALUE_1", "Audit Bot");
    return env;
  }

  /** A test that fails naming every variable of the job it can see, and checks that git still runs with its innocent configuration. */
  private void changeWithEnvironmentProbe() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("test/env.test.js", """
          const test = require('node:test');
          const assert = require('node:assert');
          const { execFileSync } = require('node:child_process');
          const secrets = ['DEPLOY_PAT', 'NPM_PASS', 'DB_PWD', 'DOCKER_HUB_PASS', 'SLACK_WEBHOOK_URL', 'AZURE_STORAGE_CONNECTION_STRING',
            'BEARER', 'NETRC_CONTENT', 'BUILD_LABEL'];

          test('sees no secret of the job', () => {
            const seen = secrets.filter((name) => process.env[name] !== undefined);
            const values = Object.entries(process.env).filter(([, value]) => /ghp_|AUTHORIZATION|netrc-value|hooks\\.slack/i.test(value));
            assert.deepStrictEqual({ seen, values: values.map(([name]) => name) }, { seen: [], values: [] });
            assert.strictEqual(process.env.FIXTURE_MARKER, 'visible');
          });

          test('runs git with the configuration that carries no credential', () => {
            assert.strictEqual(execFileSync('git', ['config', 'user.name']).toString().trim(), 'Audit Bot');
          });
          """).commit("Environment probe\n\nAll tests pass");
    }
  }

  @Test
  @DisplayName("19: variables of secret names and token-shaped values never reach the change's tests")
  void secretsNeverReachTheChangesTests() {
    assumeTrue(node(), "node is installed");
    changeWithEnvironmentProbe();

    CliRun run = auditWith(jobEnvironment(), "", "--repo", repo().toString(), "--range", "main..feature", "--format", "json", "--dynamic");

    JsonNode verdict = json(run);
    assertThat(verdict.path("findings").toString()).as(run.out()).doesNotContain("dynamic-test-failed");
    assertThat(verdict.path("checks").toString()).contains("2 passed, 0 failed");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  @DisplayName("23: GIT_CONFIG_COUNT and its pairs are kept or dropped together, so git still runs in the tests")
  void gitConfigurationByEnvironmentStaysWhole() {
    assumeTrue(node(), "node is installed");
    changeWithEnvironmentProbe();
    Map<String, String> env = new HashMap<>(jobEnvironment());
    env.put("GIT_CONFIG_COUNT", "3");
    env.put("GIT_CONFIG_KEY_2", "core.askpass");
    env.put("GIT_CONFIG_VALUE_2", "/bin/true");

    CliRun run = auditWith(env, "", "--repo", repo().toString(), "--range", "main..feature", "--format", "json", "--dynamic");

    assertThat(json(run).path("checks").toString()).as(run.out()).contains("2 passed, 0 failed").doesNotContain("missing config");
  }

  @Test
  @DisplayName("20: a verdict record keeps only the masked text the reports show")
  void verdictRecordsKeepOnlyMaskedText() throws Exception {
    assumeTrue(node(), "node is installed");
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature")
          .write("src/config.py", "password = \"hunter2hunter2\"  # TODO rotate\n")
          .write("test/login.test.js", """
              const test = require('node:test');
              test('logs in', () => { throw new Error('login refused for token %s'); });
              """.formatted(GITHUB_TOKEN))
          .commit("Login, production-ready\n\nAll tests pass");
    }
    Path state = dir.resolve("state");

    CliRun run = auditWith(Map.of("PATH", System.getenv("PATH")), "", "--repo", repo().toString(), "--range", "main..feature",
        "--format", "json", "--dynamic", "--state-dir", state.toString(), "--pr", "7");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("[redacted]").doesNotContain("hunter2hunter2").doesNotContain(GITHUB_TOKEN);
    List<Path> records;
    try (Stream<Path> files = Files.list(state.resolve("verdicts"))) {
      records = files.filter(file -> file.toString().endsWith(".json")).toList();
    }
    assertThat(records).hasSize(1);
    String record = Files.readString(records.get(0));
    assertThat(record).contains("[redacted]").doesNotContain("hunter2hunter2").doesNotContain(GITHUB_TOKEN);
  }

  @Test
  @DisplayName("21: key bodies, sk_live_, npm_, webhooks and a secret variable's value under an innocent name never reach the model")
  void theModelSeesNoCredentialOfAnyShape() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature")
          .write("deploy/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + KEY_BODY_1 + "\n" + KEY_BODY_2 + "\n" + KEY_BODY_LAST + "\n"
              + "-----END OPENSSH PRIVATE KEY-----\n")
          .write("src/billing.js", "const stripe = '" + STRIPE_KEY + "';\nconst registry = '" + NPM_KEY + "';\n"
              + "const hook = '" + SLACK_HOOK + "';\nconst config = '" + PLAIN_SECRET + "';\n"
              + "function charge() { throw new Error('not implemented'); }\n")
          .commit("Billing, production-ready");
    }
    Path policy = dir.resolve("policy.yml");
    try (ChatServer server = ChatServer.start()) {
      Files.writeString(policy, "llm:\n  enabled: true\n  endpoint: " + server.endpoint() + "\n  model: test-model\n  timeout-seconds: 10\n");
      server.enqueue(ChatServer.answer("{\"gaps\": []}"));

      CliRun run = auditWith(Map.of("DB_PWD", PLAIN_SECRET), "", "--repo", repo().toString(), "--range", "main..feature",
          "--format", "json", "--policy", policy.toString(), "--llm");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(server.requests()).hasSize(1);
      String prompt = server.requests().get(0).prompt();
      assertThat(prompt).contains("deploy/id_ed25519").contains("not implemented").contains("[redacted]");
      for (String secret : List.of(KEY_BODY_1, KEY_BODY_2, KEY_BODY_LAST, STRIPE_KEY, NPM_KEY, SLACK_HOOK, "XXXXXXXXXXXXXXXXXXXXXXXX",
          PLAIN_SECRET)) {
        assertThat(prompt).doesNotContain(secret);
      }
    }
  }
}
