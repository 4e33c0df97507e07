package dev.claimaudit.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.report.MarkdownReporter;
import dev.claimaudit.testing.Processes;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ci/claim-audit.sh}, the very script the workflows call, with the example Gitea
 * event and a local HTTP server standing in for the Gitea API, and checks the requests it sends.
 */
class ClaimAuditScriptTest {
  private static final Path SCRIPT = Path.of("ci", "claim-audit.sh").toAbsolutePath();
  private static final String COMMENTS = "/api/v1/repos/acme/widget/issues/42/comments";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private FakeGitea gitea;
  private Path launcher;

  @BeforeEach
  void start() throws IOException {
    gitea = new FakeGitea();
    launcher = Processes.auditLauncher(dir.resolve("bin"));
  }

  @AfterEach
  void stop() {
    gitea.close();
  }

  @Test
  void aBlockedPullRequestGetsOneNewCommentAFailureStatusAndAFailedJob() throws Exception {
    Change change = change("pub fn import() -> u32 {\n    todo!()\n}\n", "Implement import, done");
    gitea.answer("GET", COMMENTS, 200, "[{\"id\": 5, \"body\": \"Looks good to me\", \"user\": {\"login\": \"bob\"}}]")
        .answer("POST", COMMENTS, 201, "{\"id\": 99}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + change.head(), 201, "{\"status\": \"failure\"}");

    Processes.Result run = runScript(change, Map.of());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<FakeGitea.Request> requests = gitea.requests();
    assertThat(requests).extracting(request -> request.method() + " " + request.path())
        .containsExactly("GET /api/v1/user", "GET " + COMMENTS, "POST " + COMMENTS, "POST /api/v1/repos/acme/widget/statuses/" + change.head());
    assertThat(requests).extracting(FakeGitea.Request::authorization).containsOnly("token secret-token");

    FakeGitea.Request comment = requests.get(2);
    assertThat(comment.path()).isEqualTo(COMMENTS);
    assertThat(comment.contentType()).isEqualTo("application/json");
    String body = MAPPER.readTree(comment.body()).path("body").asText();
    assertThat(body).startsWith(MarkdownReporter.MARKER + "\n### ⛔ claim-audit: merge blocked").contains("`rs-todo-macro`")
        .isEqualTo(Files.readString(change.repo().resolve("claim-audit-report/comment.md")));

    FakeGitea.Request status = requests.get(3);
    assertThat(status.path()).isEqualTo("/api/v1/repos/acme/widget/statuses/" + change.head());
    JsonNode statusBody = MAPPER.readTree(status.body());
    assertThat(statusBody.path("state").asText()).isEqualTo("failure");
    assertThat(statusBody.path("context").asText()).isEqualTo("claim-audit");
    assertThat(statusBody.path("target_url").asText()).as("Gitea links a run by its number").isEqualTo(gitea.url() + "/acme/widget/actions/runs/3");
    assertThat(statusBody.path("description").asText()).hasSizeLessThanOrEqualTo(140).startsWith("claim-audit: block — 1 blocking");
    assertThat(run.out()).as("Gitea's log shows plain text").contains("src/lib.rs:2").contains("rs-todo-macro").doesNotContain("::error");
    assertThat(change.repo().resolve("claim-audit-report/claim-audit.sarif")).exists();
    assertThat(change.repo().resolve("claim-audit-report/claim-audit.rdjson")).exists();
  }

  @Test
  void theCommentFromAnEarlierPushIsEditedInPlace() throws Exception {
    Change change = change("pub fn import() -> u32 {\n    1\n}\n", "Implement import, done");
    gitea.answer("GET", COMMENTS, 200, "[{\"id\": 5, \"body\": \"see " + MarkdownReporter.MARKER + " later\"},"
            + " {\"id\": 76, \"body\": \"" + MarkdownReporter.MARKER + "\\nforged\", \"user\": {\"login\": \"mallory\"}},"
            + " {\"id\": 77, \"body\": \"" + MarkdownReporter.MARKER + "\\n### ⛔ claim-audit: merge blocked\", \"user\": {\"login\": \"gitea-actions\"}}]")
        .answer("PATCH", "/api/v1/repos/acme/widget/issues/comments/77", 200, "{\"id\": 77}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + change.head(), 201, "{}");

    Processes.Result run = runScript(change, Map.of());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(gitea.requests()).extracting(request -> request.method() + " " + request.path()).containsExactly(
        "GET /api/v1/user",
        "GET " + COMMENTS,
        "PATCH /api/v1/repos/acme/widget/issues/comments/77",
        "POST /api/v1/repos/acme/widget/statuses/" + change.head());
    assertThat(MAPPER.readTree(gitea.requests().get(2).body()).path("body").asText()).contains("### ✅ claim-audit: passed");
    assertThat(MAPPER.readTree(gitea.requests().get(3).body()).path("state").asText()).isEqualTo("success");
    assertThat(run.out()).contains("claim-audit: updated the pull request comment 77");
  }

  @Test
  void aLongListThatIgnoresPagingIsNotReadForever() throws Exception {
    Change change = change("pub fn import() -> u32 {\n    1\n}\n", "Implement import, done");
    StringBuilder sixty = new StringBuilder("[");
    for (int id = 1; id <= 60; id++) {
      sixty.append(id == 1 ? "" : ",").append("{\"id\": ").append(id).append(", \"body\": \"comment ").append(id).append("\"}");
    }
    gitea.answer("GET", COMMENTS, 200, sixty.append(']').toString())
        .answer("POST", COMMENTS, 201, "{\"id\": 8}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + change.head(), 201, "{}");

    Processes.Result run = runScript(change, Map.of());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<FakeGitea.Request> lists = gitea.requests().stream().filter(request -> request.method().equals("GET") && request.path().equals(COMMENTS)).toList();
    assertThat(lists).hasSize(2);
    assertThat(lists.get(0).query()).contains("page=1");
    assertThat(lists.get(1).query()).contains("page=2");
  }

  @Test
  void aReadOnlyTokenWarnsButTheJobStillFailsOnTheVerdict() throws Exception {
    Change change = change("pub fn import() -> u32 {\n    todo!()\n}\n", "Implement import, done");
    gitea.answer("GET", COMMENTS, 200, "[]")
        .answer("POST", COMMENTS, 403, "{\"message\": \"token does not have at least one of required scope(s)\"}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + change.head(), 403, "{\"message\": \"forbidden\"}");

    Processes.Result run = runScript(change, Map.of());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("claim-audit: warning: cannot comment on pull request #42 (HTTP 403")
        .contains("claim-audit: warning: cannot post the commit status (HTTP 403");
  }

  @Test
  void anUnreachableApiWarnsAndKeepsTheVerdictsExitCode() throws Exception {
    Change change = change("pub fn import() -> u32 {\n    1\n}\n", "Implement import, done");
    gitea.close();

    Processes.Result run = runScript(change, Map.of());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("claim-audit: warning: cannot list the pull request's comments (HTTP 000)");
  }

  @Test
  void theUnchangedExampleEventCannotBeAuditedHereAndSaysSoWithAnErrorStatus() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "a\n").commit("a");
    }
    Path event = dir.resolve("event.json");
    try (InputStream in = ClaimAuditScriptTest.class.getResourceAsStream("/events/gitea-pull-request-event.json")) {
      Files.write(event, in.readAllBytes());
    }
    String head = "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f";
    gitea.answer("GET", COMMENTS, 200, "[]").answer("POST", COMMENTS, 201, "{\"id\": 1}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + head, 201, "{}");

    Processes.Result run = runScript(new Change(repo, event, head), Map.of());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the event's merge base 1a2b3c4d5e6f is not in this clone");
    String comment = MAPPER.readTree(gitea.requests().get(2).body()).path("body").asText();
    assertThat(comment).startsWith(MarkdownReporter.MARKER + "\n### ❗ claim-audit could not audit this pull request")
        .contains("fetch-depth: 0");
    JsonNode status = MAPPER.readTree(gitea.requests().get(3).body());
    assertThat(status.path("state").asText()).isEqualTo("error");
    assertThat(status.path("description").asText()).startsWith("claim-audit could not audit: the event's merge base").hasSizeLessThanOrEqualTo(140);
  }

  @Test
  void onGithubAWarningVerdictIsASuccessStatus() throws Exception {
    Change change = change("def parse():\n    raise NotImplementedError\n", "WIP: parser stub", "src/parse.py");
    gitea.answer("GET", COMMENTS, 200, "[]").answer("POST", COMMENTS, 201, "{\"id\": 1}")
        .answer("POST", "/api/v1/repos/acme/widget/statuses/" + change.head(), 201, "{}");

    Processes.Result giteaRun = runScript(change, Map.of());
    Processes.Result githubRun = runScript(change, Map.of("GITEA_ACTIONS", "false"));

    assertThat(giteaRun.exitCode()).as(giteaRun.err()).isZero();
    assertThat(githubRun.exitCode()).isZero();
    assertThat(githubRun.out()).as("GitHub folds workflow commands").contains("::warning file=src/parse.py");
    List<String> states = gitea.requests().stream().filter(request -> request.path().contains("/statuses/"))
        .map(request -> json(request.body()).path("state").asText()).toList();
    assertThat(states).containsExactly("warning", "success");
  }

  /** A pull request: a repository with main and a feature commit, and the example event pointing at them. */
  private record Change(Path repo, Path event, String head) {}

  private Change change(String content, String message) throws IOException {
    return change(content, message, "src/lib.rs");
  }

  private Change change(String content, String message, String path) throws IOException {
    Path repo = dir.resolve("repo");
    String base;
    String head;
    try (TestRepo test = TestRepo.init(repo)) {
      base = test.write("README.md", "# widget\n").commitId("Start the widget");
      head = test.branch("feature").write(path, content).commitId(message);
    }
    ObjectNode event;
    try (InputStream in = ClaimAuditScriptTest.class.getResourceAsStream("/events/gitea-pull-request-event.json")) {
      event = (ObjectNode) MAPPER.readTree(in);
    }
    ObjectNode pr = (ObjectNode) event.get("pull_request");
    ((ObjectNode) pr.get("base")).put("sha", base);
    ((ObjectNode) pr.get("head")).put("sha", head);
    pr.put("merge_base", base);
    pr.put("title", message);
    pr.put("body", "");
    Path file = dir.resolve("event.json");
    Files.writeString(file, event.toString());
    return new Change(repo, file, head);
  }

  private Processes.Result runScript(Change change, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of(
        "GITHUB_EVENT_PATH", change.event().toString(),
        "GITHUB_EVENT_NAME", "pull_request",
        "GITHUB_API_URL", gitea.url() + "/api/v1",
        "GITHUB_SERVER_URL", gitea.url(),
        "GITHUB_REPOSITORY", "acme/widget",
        "GITHUB_RUN_ID", "7",
        "GITHUB_RUN_NUMBER", "3",
        "GITEA_ACTIONS", "true",
        "GITEA_TOKEN", "secret-token",
        "CLAIM_AUDIT_BIN", launcher.toString()));
    env.putAll(overrides);
    return Processes.run(change.repo(), env, "", List.of("bash", SCRIPT.toString()));
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
