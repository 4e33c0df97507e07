package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPayloadTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  static ObjectNode giteaEvent() throws IOException {
    try (InputStream in = EventPayloadTest.class.getResourceAsStream("/events/gitea-pull-request-event.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  @Test
  void readsTheGiteaExampleEvent() throws IOException {
    EventPayload.Event event = EventPayload.parse(giteaEvent(), "event.json");
    PullRequest pr = event.pullRequest();

    assertThat(event.action()).isEqualTo("synchronized");
    assertThat(event.repository()).isEqualTo("acme/widget");
    assertThat(pr.number()).isEqualTo(42);
    assertThat(pr.title()).isEqualTo("Add retry to uploader");
    assertThat(pr.body()).startsWith("## Claims\n- [x] Adds exponential backoff");
    assertThat(pr.baseSha()).isEqualTo("9f2c1e7a4b3d5f60718293a4b5c6d7e8f9012345");
    assertThat(pr.headSha()).isEqualTo("3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f");
    assertThat(pr.mergeBase()).isEqualTo("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d");
    assertThat(pr.draft()).isFalse();
  }

  @Test
  void readsAGithubEventWithItsSpellingOfSynchronizeAndNoMergeBase() throws IOException {
    ObjectNode event = giteaEvent();
    event.put("action", "synchronize");
    ObjectNode pr = (ObjectNode) event.get("pull_request");
    pr.remove("merge_base");
    pr.putNull("body");
    pr.put("draft", true);

    EventPayload.Event parsed = EventPayload.parse(event, "event.json");

    assertThat(parsed.action()).isEqualTo("synchronized");
    assertThat(parsed.pullRequest().mergeBase()).isNull();
    assertThat(parsed.pullRequest().body()).isEmpty();
    assertThat(parsed.pullRequest().draft()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"not-json", "array", "no-pull-request", "no-head-sha", "short-head-sha", "base-sha-number", "number-string",
      "no-number", "title-object", "action-number", "merge-base-garbage", "draft-string"})
  void aMalformedPayloadIsOneClearLineAndExitTwo(String defect) throws IOException {
    Path event = dir.resolve("event.json");
    Files.writeString(event, switch (defect) {
      case "not-json" -> "{\"action\": \"opened\", ";
      case "array" -> "[]";
      default -> mutate(defect).toString();
    });

    CliRun run = CliRun.of("--repo", dir.toString(), "--event", event.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("audit: event payload " + event).doesNotContain("\tat ");
    assertThat(run.err()).contains(switch (defect) {
      case "not-json" -> "is not valid JSON";
      case "array" -> "is not a JSON object";
      case "no-pull-request" -> "has no pull_request object";
      case "no-head-sha" -> "pull_request.head.sha is missing";
      case "short-head-sha" -> "pull_request.head.sha is not a full commit id";
      case "base-sha-number" -> "pull_request.base.sha is not a full commit id";
      case "number-string", "no-number" -> "pull_request.number";
      case "title-object" -> "pull_request.title must be a string";
      case "action-number" -> "action must be a word";
      case "merge-base-garbage" -> "pull_request.merge_base is not a full commit id";
      case "draft-string" -> "pull_request.draft must be true or false";
      default -> throw new IllegalArgumentException(defect);
    });
  }

  @Test
  void aMissingPayloadFileIsExitTwo() {
    CliRun run = CliRun.of("--repo", dir.toString(), "--event", dir.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("audit: event payload " + dir.resolve("nope.json") + " does not exist");
  }

  @Test
  void theEventSuppliesTheRangeAndThePullRequestTextToTheAudit() throws IOException {
    String base;
    String head;
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      base = repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commitId("Initial parser");
      head = repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commitId("import");
    }
    Path event = writeEvent(base, head, base, "synchronize", "Implements the importer. Done.");

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--event", event.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode verdict = MAPPER.readTree(run.out());
    assertThat(verdict.path("range").path("head").asText()).isEqualTo(head);
    assertThat(verdict.path("range").path("mergeBase").asText()).isEqualTo(base);
    assertThat(verdict.path("claims").findValuesAsText("source")).contains("pr-body", "pr-title");
    assertThat(verdict.path("verdict").asText()).isEqualTo("block");
  }

  @Test
  void aMergeBaseMissingFromTheCloneIsAShallowHistoryErrorNamingTheFix() throws IOException {
    String base;
    String head;
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      base = repo.write("a.txt", "a\n").commitId("a");
      head = repo.branch("feature").write("a.txt", "b\n").commitId("b");
    }
    Path event = writeEvent(base, head, "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", "opened", "Done.");

    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--event", event.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("the event's merge base 1a2b3c4d5e6f is not in this clone").contains("fetch-depth: 0");
  }

  @Test
  void theEnvironmentsEventIsReadInAPullRequestJobAndIgnoredInAPushJob() throws IOException {
    String base;
    String head;
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      base = repo.write("a.py", "x = 1\n").commitId("a");
      head = repo.branch("feature").write("a.py", "x = 1\ny = 2\n").commitId("b");
      repo.checkout("main");
    }
    Path event = writeEvent(base, head, base, "opened", "Adds y. Done.");
    Map<String, String> pullRequestJob = Map.of("GITHUB_EVENT_PATH", event.toString(), "GITHUB_EVENT_NAME", "pull_request");
    Map<String, String> pushJob = Map.of("GITHUB_EVENT_PATH", event.toString(), "GITHUB_EVENT_NAME", "push");

    CliRun inPullRequest = CliRun.withEnv(pullRequestJob, "", "--repo", dir.resolve("repo").toString(), "--format", "json");
    CliRun inPush = CliRun.withEnv(pushJob, "", "--repo", dir.resolve("repo").toString(), "--range", "main..feature", "--format", "json");

    assertThat(MAPPER.readTree(inPullRequest.out()).path("range").path("head").asText()).isEqualTo(head);
    assertThat(MAPPER.readTree(inPullRequest.out()).path("claims").findValuesAsText("source")).contains("pr-body");
    assertThat(MAPPER.readTree(inPush.out()).path("claims").findValuesAsText("source")).doesNotContain("pr-body");
  }

  private Path writeEvent(String base, String head, String mergeBase, String action, String body) throws IOException {
    ObjectNode event = giteaEvent();
    event.put("action", action);
    ObjectNode pr = (ObjectNode) event.get("pull_request");
    ((ObjectNode) pr.get("base")).put("sha", base);
    ((ObjectNode) pr.get("head")).put("sha", head);
    pr.put("merge_base", mergeBase);
    pr.put("title", "Importer shipped");
    pr.put("body", body);
    Path file = dir.resolve("event-" + action + ".json");
    Files.writeString(file, event.toString());
    return file;
  }

  private static ObjectNode mutate(String defect) throws IOException {
    ObjectNode event = giteaEvent();
    ObjectNode pr = (ObjectNode) event.get("pull_request");
    Map<String, Consumer<ObjectNode>> defects = Map.ofEntries(
        Map.entry("no-pull-request", root -> root.remove("pull_request")),
        Map.entry("no-head-sha", root -> ((ObjectNode) pr.get("head")).remove("sha")),
        Map.entry("short-head-sha", root -> ((ObjectNode) pr.get("head")).put("sha", "3c4d5e6")),
        Map.entry("base-sha-number", root -> ((ObjectNode) pr.get("base")).put("sha", 12345)),
        Map.entry("number-string", root -> pr.put("number", "42")),
        Map.entry("no-number", root -> {
          pr.remove("number");
          root.remove("number");
        }),
        Map.entry("title-object", root -> pr.putObject("title").put("text", "x")),
        Map.entry("action-number", root -> root.put("action", 7)),
        Map.entry("merge-base-garbage", root -> pr.put("merge_base", "HEAD~3")),
        Map.entry("draft-string", root -> pr.put("draft", "yes")));
    defects.get(defect).accept(event);
    return event;
  }
}
