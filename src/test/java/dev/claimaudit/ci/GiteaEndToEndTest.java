package dev.claimaudit.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.report.MarkdownReporter;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner as bare as it gets: {@code ci/claim-audit.sh} with nothing but java, curl, git and bash
 * on the PATH (no Maven, no jq, no coreutils) downloads claim-audit from the package registry of a
 * stand-in Gitea, posts one comment and one status, and on the next push edits its own comment:
 * never the one somebody else wrote with the same marker.
 */
class GiteaEndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCRIPT = Path.of("ci", "claim-audit.sh").toAbsolutePath();
  private static final String PACKAGE = "/api/packages/tools/generic/claim-audit/0.1.0/claim-audit.jar";
  private static final String COMMENTS = "/api/v1/repos/acme/widget/issues/42/comments";
  private static final String IMPOSTOR = "{\"id\": 5, \"body\": \"" + MarkdownReporter.MARKER + "\\nall good\", \"user\": {\"login\": \"mallory\"}}";

  @TempDir Path dir;
  private FakeGitea gitea;
  private Path tools;

  @BeforeEach
  void start() throws IOException {
    gitea = new FakeGitea();
    gitea.file(PACKAGE, thinJar()).answer("GET", "/api/v1/user", 200, "{\"id\": -2, \"login\": \"gitea-actions\"}");
    tools = Files.createDirectories(dir.resolve("tools"));
    Files.createSymbolicLink(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    for (String tool : List.of("curl", "git", "bash")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of(Processes.run(dir, Map.of(), "", List.of("sh", "-c", "command -v " + tool)).out().strip()));
    }
  }

  @AfterEach
  void stop() {
    gitea.close();
  }

  @Test
  void aBareRunnerDownloadsTheJarPostsOneCommentAndOneStatusThenEditsItsOwnCommentOnTheNextPush() throws Exception {
    Path repo = dir.resolve("repo");
    String base;
    String blocked;
    String fixed;
    try (TestRepo git = TestRepo.init(repo)) {
      base = git.write("README.md", "# widget\n").commitId("Start the widget");
      blocked = git.branch("feature").write("src/lib.rs", "pub fn import() -> u32 {\n    todo!()\n}\n").commitId("Implement import, done");
      fixed = git.write("src/lib.rs", "pub fn import() -> u32 {\n    7\n}\n").commitId("Return seven from import");
    }
    String statuses = "/api/v1/repos/acme/widget/statuses/";
    gitea.answer("GET", COMMENTS, 200, "[" + IMPOSTOR + "]").answer("POST", COMMENTS, 201, "{\"id\": 99}")
        .answer("POST", statuses + blocked, 201, "{}");

    Processes.Result first = runScript(repo, event(base, blocked, "Implement import, done"));

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(gitea.requests()).extracting(request -> request.method() + " " + request.path()).containsExactly(
        "GET " + PACKAGE, "GET /api/v1/user", "GET " + COMMENTS, "POST " + COMMENTS, "POST " + statuses + blocked);
    String comment = MAPPER.readTree(gitea.requests().get(3).body()).path("body").asText();
    assertThat(comment).startsWith(MarkdownReporter.MARKER + "\n### ⛔ claim-audit: merge blocked").contains("rs-todo-macro");
    JsonNode status = MAPPER.readTree(gitea.requests().get(4).body());
    assertThat(status.path("state").asText()).isEqualTo("failure");
    assertThat(status.path("target_url").asText()).isEqualTo(gitea.url() + "/acme/widget/actions/runs/12");
    assertThat(first.out()).contains("downloaded claim-audit 0.1.0").contains("commented on pull request #42")
        .contains("src/lib.rs:2").doesNotContain("::error");

    gitea.answer("GET", COMMENTS, 200, "[" + IMPOSTOR + ", {\"id\": 99, \"body\": \"" + MarkdownReporter.MARKER
            + "\\n### ⛔ claim-audit: merge blocked\", \"user\": {\"login\": \"gitea-actions\"}}]")
        .answer("PATCH", "/api/v1/repos/acme/widget/issues/comments/99", 200, "{\"id\": 99}")
        .answer("POST", statuses + fixed, 201, "{}");
    int before = gitea.requests().size();

    Processes.Result second = runScript(repo, event(base, fixed, "Implement import, done"));

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    List<String> requests = gitea.requests().subList(before, gitea.requests().size()).stream()
        .map(request -> request.method() + " " + request.path()).toList();
    assertThat(requests).as("the jar comes from the cache now").containsExactly(
        "GET /api/v1/user", "GET " + COMMENTS, "PATCH /api/v1/repos/acme/widget/issues/comments/99", "POST " + statuses + fixed);
    assertThat(MAPPER.readTree(gitea.requests().get(before + 2).body()).path("body").asText()).contains("### ✅ claim-audit: passed");
    assertThat(second.out()).contains("updated the pull request comment 99");
  }

  @Test
  void withoutJavaTheCommentAndTheStatusSaySo() throws Exception {
    Files.delete(tools.resolve("java"));
    Path repo = dir.resolve("repo");
    String base;
    String head;
    try (TestRepo git = TestRepo.init(repo)) {
      base = git.write("README.md", "# widget\n").commitId("Start the widget");
      head = git.branch("feature").write("src/lib.rs", "pub fn import() -> u32 {\n    7\n}\n").commitId("Implement import");
    }
    gitea.answer("POST", COMMENTS, 201, "{\"id\": 1}").answer("POST", "/api/v1/repos/acme/widget/statuses/" + head, 201, "{}");

    Processes.Result run = runScript(repo, event(base, head, "Implement import"), Map.of("GITHUB_SHA", head, "GITHUB_REF", "refs/pull/42/head"));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("java was not found on the runner");
    assertThat(gitea.requests()).extracting(request -> request.method() + " " + request.path())
        .containsExactly("POST " + COMMENTS, "POST /api/v1/repos/acme/widget/statuses/" + head);
    String comment = MAPPER.readTree(gitea.requests().get(0).body()).path("body").asText();
    assertThat(comment).contains("could not audit this pull request").contains("actions/setup-java").doesNotContain("fetch-depth");
    JsonNode status = MAPPER.readTree(gitea.requests().get(1).body());
    assertThat(status.path("state").asText()).isEqualTo("error");
    assertThat(status.path("description").asText()).startsWith("claim-audit could not audit: java was not found").hasSizeLessThanOrEqualTo(140);
  }

  private Processes.Result runScript(Path repo, Path event) {
    return runScript(repo, event, Map.of());
  }

  private Processes.Result runScript(Path repo, Path event, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(Map.of(
        "PATH", tools.toString(),
        "HOME", dir.resolve("home").toString(),
        "RUNNER_TOOL_CACHE", dir.resolve("tool-cache").toString(),
        "GITHUB_EVENT_PATH", event.toString(),
        "GITHUB_API_URL", gitea.url() + "/api/v1",
        "GITHUB_SERVER_URL", gitea.url(),
        "GITHUB_REPOSITORY", "acme/widget",
        "GITHUB_RUN_ID", "3141",
        "GITHUB_RUN_NUMBER", "12",
        "GITEA_ACTIONS", "true"));
    env.put("GITEA_TOKEN", "secret-token");
    env.put("CLAIM_AUDIT_VERSION", "0.1.0");
    env.put("CLAIM_AUDIT_PACKAGE_OWNER", "tools");
    env.putAll(more);
    return Processes.run(repo, env, "", List.of(tools.resolve("bash").toString(), SCRIPT.toString()));
  }

  private Path event(String base, String head, String title) throws IOException {
    ObjectNode event;
    try (InputStream in = GiteaEndToEndTest.class.getResourceAsStream("/events/gitea-pull-request-event.json")) {
      event = (ObjectNode) MAPPER.readTree(in);
    }
    ObjectNode pr = (ObjectNode) event.get("pull_request");
    ((ObjectNode) pr.get("base")).put("sha", base);
    ((ObjectNode) pr.get("head")).put("sha", head);
    pr.put("merge_base", base);
    pr.put("title", title);
    pr.put("body", "");
    Path file = dir.resolve("event-" + head + ".json");
    Files.writeString(file, event.toString());
    return file;
  }

  /**
   * A jar that starts this build's classes, as the released jar would: its manifest names the main
   * class and puts the test run's class path on its own (the shaded jar is built after the tests).
   */
  private static byte[] thinJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.claimaudit.cli.Main");
    List<String> classPath = new ArrayList<>();
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        classPath.add(Path.of(entry).toAbsolutePath().toUri().toString());
      }
    }
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.flush();
    }
    return bytes.toByteArray();
  }
}
