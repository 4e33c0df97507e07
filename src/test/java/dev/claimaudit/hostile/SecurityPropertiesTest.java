package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.findings;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.ChatServer;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes the gate trustworthy: a change cannot weaken its own audit, the audit reads and
 * writes nothing outside the repository (and its report), and secrets in the change or the
 * environment never reach what it prints or writes.
 */
class SecurityPropertiesTest {
  @TempDir Path dir;

  private Path repo() {
    return dir.resolve("repo");
  }

  private CliRun auditFeature(String... extra) {
    String[] args = new String[extra.length + 6];
    System.arraycopy(new String[] {"--repo", repo().toString(), "--range", "main..feature", "--format", "json"}, 0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return audit(args);
  }

  private static boolean suppressed(CliRun run, String rule) {
    for (JsonNode finding : json(run).path("findings")) {
      if (finding.path("rule").asText().equals(rule) && finding.path("suppressed").asBoolean()) {
        return true;
      }
    }
    return false;
  }

  // A change cannot weaken its own audit.

  @Test
  void aPolicyFileAddedByTheChangeDoesNotApplyToIt() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature")
          .write(".claim-audit.yml", "version: 1\nfail-on: never\npaths:\n  ignore:\n    - \"**\"\nrules:\n  " + STUB_RULE + ": off\n")
          .write("src/parse.py", STUB).commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly(".claim-audit.yml:null:policy-changed", "src/parse.py:2:" + STUB_RULE);
    assertThat(json(run).path("verdict").asText()).isEqualTo("block");
  }

  @Test
  void aSuppressionOnTheLineAboveAppliesAndIsReported() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    # claim-audit: allow(" + STUB_RULE + ") abstract on purpose\n"
          + "    raise NotImplementedError\n").commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 0);

    assertThat(suppressed(run, STUB_RULE)).isTrue();
    assertThat(json(run).path("suppressed").asInt()).isEqualTo(1);
  }

  @Test
  void aSuppressionTwoLinesAboveDoesNotApply() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "# claim-audit: allow(" + STUB_RULE + ") far away\n\ndef parse():\n"
          + "    raise NotImplementedError\n").commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:4:" + STUB_RULE);
  }

  @Test
  void aSuppressionOfAnotherRuleDoesNotApply() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    raise NotImplementedError  # claim-audit: allow(todo-marker) not this one\n")
          .commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void aSuppressionInsideAStringIsNotAComment() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    note = 'claim-audit: allow(" + STUB_RULE + ") sneaky'\n"
          + "    raise NotImplementedError\n").commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:3:" + STUB_RULE);
  }

  @Test
  void aSuppressionInAnotherFileDoesNotApply() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/a.py", "# claim-audit: allow(" + STUB_RULE + ") for every file\n")
          .write("src/b.py", "raise NotImplementedError\n").commit("Implement b, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly("src/b.py:1:" + STUB_RULE);
  }

  @Test
  void aSuppressionThatExpiredDoesNotApply() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    # claim-audit: allow(" + STUB_RULE + ") later until=2001-01-01\n"
          + "    raise NotImplementedError\n").commit("Implement the parser, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).contains("src/parse.py:3:" + STUB_RULE);
  }

  // Nothing outside the repository is read or written.

  @Test
  void anAuditWithAReportWritesOnlyTheReport() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    Path reports = Files.createDirectories(dir.resolve("reports"));
    List<String> before = EnvironmentCasesTest.snapshot(dir);

    verdict(auditFeature("--report", "json=" + reports.resolve("audit.json")), 1);

    List<String> after = EnvironmentCasesTest.snapshot(dir);
    assertThat(after).containsAll(before);
    assertThat(after.stream().filter(entry -> !before.contains(entry)).map(entry -> entry.split(" ")[0]).toList())
        .containsExactly("reports/audit.json");
  }

  @Test
  void anAuditOfABareRepositoryWritesNothing() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    Hostile.git(dir, "clone", "-q", "--bare", "file://" + repo(), "bare.git");
    List<String> before = EnvironmentCasesTest.snapshot(dir);

    verdict(audit("--repo", dir.resolve("bare.git").toString(), "--range", "main..feature"), 1);

    assertThat(EnvironmentCasesTest.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void theWorkTreeIsNotReadOnlyTheCommittedTree() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    return 1\n").commit("Implement the parser, done");
    }
    Files.writeString(repo().resolve("src/parse.py"), "WORKTREE_CANARY = 1\nraise NotImplementedError\n");

    CliRun run = verdict(auditFeature(), 0);

    assertThat(run.out()).doesNotContain("WORKTREE_CANARY");
    assertThat(findings(run)).isEmpty();
  }

  // Secrets never reach the output or a report.

  private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
  private static final String API_SECRET = "s3cr3t-Value-9f8e7d6c";
  private static final String URL_PASSWORD = "hunter2hunter2";

  @Test
  void secretsOnAFlaggedLineAreMaskedInEveryOutput() throws Exception {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/config.py", "AWS = '" + AWS_KEY + "'  # TODO rotate\n"
          + "TOKEN = '" + GITHUB_TOKEN + "'  # TODO move to the vault\n"
          + "api_key = \"" + API_SECRET + "\"  # TODO remove\n"
          + "DB = 'postgres://admin:" + URL_PASSWORD + "@db.internal/app'  # FIXME\n")
          .commit("Finish the configuration and the parser, production-ready");
    }
    Path report = dir.resolve("audit.json");

    CliRun json = auditFeature("--report", "json=" + report);
    CliRun text = audit("--repo", repo().toString(), "--range", "main..feature");

    assertThat(findings(json)).hasSize(4);
    for (String printed : List.of(json.out(), text.out(), Files.readString(report))) {
      assertThat(printed).doesNotContain(AWS_KEY).doesNotContain(GITHUB_TOKEN).doesNotContain(API_SECRET).doesNotContain(URL_PASSWORD)
          .contains("[redacted]");
    }
  }

  @Test
  void aSecretFromTheEnvironmentIsMaskedWhereverItAppears() {
    String token = "env-token-0123456789abcdef";
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "KEY = '" + token + "'  # TODO\n" + STUB)
          .commit("Implement the parser with " + token + ", done");
    }

    CliRun run = auditWith(Map.of("CI_JOB_TOKEN", token), "Uses " + token + " for the parser, done", "--repo", repo().toString(),
        "--range", "main..feature", "--pr-body-file", "-", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain(token).contains("[redacted]");
  }

  @Test
  void aPrivateKeyInAClaimIsMasked() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }

    CliRun run = auditWith(Map.of(), "Implemented with -----BEGIN RSA PRIVATE KEY----- pasted by mistake, done", "--repo",
        repo().toString(), "--range", "main..feature", "--pr-body-file", "-", "--format", "json");

    assertThat(run.out()).doesNotContain("BEGIN RSA PRIVATE KEY").contains("[redacted]");
  }

  @Test
  void maskingLeavesTheVerdictAndItsCountsAlone() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/config.py", "password = 'correct-horse-battery'\nraise NotImplementedError  # token=abcdefgh12345\n")
          .commit("Implement the configuration, done");
    }

    CliRun run = verdict(auditFeature(), 1);

    assertThat(findings(run)).containsExactly("src/config.py:2:" + STUB_RULE);
    assertThat(json(run).path("findings").get(0).path("snippet").asText()).isEqualTo("raise NotImplementedError  # token=[redacted]");
  }

  @Test
  void aSecretInAnErrorLineIsMasked() {
    String token = "env-token-0123456789abcdef";
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
    }

    CliRun range = auditWith(Map.of("DEPLOY_TOKEN", token), "", "--repo", repo().toString(), "--range", "main.." + token);
    CliRun option = auditWith(Map.of(), "", "--repo", repo().toString(), "--range", "main..main", "--fail-on", "password=" + token);

    Hostile.badInput(range, "[redacted]");
    Hostile.badInput(option, "[redacted]");
    assertThat(range.err() + option.err()).doesNotContain(token);
  }

  // Secrets never reach the knowledge base or a model.

  /** A shape the knowledge base keeps: one word holding a rule's keyword ("kludge" of todo-marker) is not folded away. */
  private static final String KEYWORD_SECRET = "Kludge7Hq2LxP9vRtW3";
  private static final String ENV_SECRET = "hackTok3n9xK2mQ7vL4pZ";
  private static final List<String> SECRETS = List.of(AWS_KEY, GITHUB_TOKEN, API_SECRET, URL_PASSWORD, KEYWORD_SECRET, ENV_SECRET);

  /** Stubs and markers next to secrets of every shape, in a change that claims to be production-ready; the environment holds one of them. */
  private void changeWithSecretsOnFlaggedLines() {
    try (TestRepo test = TestRepo.init(repo())) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/config.py", "AWS = '" + AWS_KEY + "'  # TODO rotate\n"
          + "TOKEN = '" + GITHUB_TOKEN + "'  # TODO move to the vault\n"
          + "password = \"" + API_SECRET + "\"  # TODO remove\n"
          + "DB = 'postgres://admin:" + URL_PASSWORD + "@db.internal/app'  # FIXME\n")
          .write("deploy.sh", "export API_KEY=" + KEYWORD_SECRET + "  # FIXME rotate\n"
              + "export DEPLOY=" + ENV_SECRET + "  # TODO read it from the runner\n")
          .write("src/parse.py", "def parse(token=" + ENV_SECRET + "):\n    raise NotImplementedError\n")
          .commit("Finish the configuration and the parser, production-ready");
    }
  }

  private static Map<String, String> secretEnvironment() {
    return Map.of("CI_DEPLOY_TOKEN", ENV_SECRET);
  }

  private static String kbFiles(Path kb) throws Exception {
    StringBuilder text = new StringBuilder();
    try (var files = Files.walk(kb)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        text.append(file.getFileName()).append('\n').append(Files.readString(file)).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void secretsOnFlaggedLinesNeverReachTheKnowledgeBase() throws Exception {
    changeWithSecretsOnFlaggedLines();
    Path kb = dir.resolve("kb");

    CliRun run = auditWith(secretEnvironment(), "", "--repo", repo().toString(), "--range", "main..feature", "--format", "json",
        "--kb", kb.toString(), "--pr", "5");

    verdict(run, 1);
    assertThat(json(run).path("notes").toString()).contains("kb: recorded 5 lessons for #5");
    String written = kbFiles(kb);
    assertThat(written).contains("lessons.jsonl").contains("todo-marker").contains(STUB_RULE);
    for (String secret : SECRETS) {
      assertThat(written).doesNotContainIgnoringCase(secret);
    }
  }

  @Test
  void secretsOnFlaggedLinesNeverReachTheModel() throws Exception {
    changeWithSecretsOnFlaggedLines();
    Path policy = dir.resolve("policy.yml");
    try (ChatServer server = ChatServer.start()) {
      Files.writeString(policy, "llm:\n  enabled: true\n  endpoint: " + server.endpoint() + "\n  model: test-model\n  timeout-seconds: 10\n");
      server.enqueue(ChatServer.answer("{\"gaps\": []}"));

      CliRun run = auditWith(secretEnvironment(), "Ships the deploy script with " + ENV_SECRET + ", production-ready", "--repo",
          repo().toString(), "--range", "main..feature", "--format", "json", "--policy", policy.toString(), "--llm", "--pr-body-file", "-");

      verdict(run, 1);
      assertThat(server.requests()).hasSize(1);
      String body = server.requests().get(0).body();
      assertThat(server.requests().get(0).prompt()).contains("raise NotImplementedError").contains("# FIXME rotate").contains("[redacted]");
      for (String secret : SECRETS) {
        assertThat(body).doesNotContainIgnoringCase(secret);
      }
    }
  }
}
