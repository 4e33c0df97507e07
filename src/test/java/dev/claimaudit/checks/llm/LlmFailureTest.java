package dev.claimaudit.checks.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.report.Reporters;
import dev.claimaudit.testing.ChatServer;
import dev.claimaudit.testing.OpenAudit;
import dev.claimaudit.testing.TestRepo;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.RangeInfo;
import dev.claimaudit.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A model that cannot be asked is a check failure with a reason; it never throws, hangs the audit, or leaks the key. */
class LlmFailureTest {
  private static final String KEY_ENV = LlmCheckTest.KEY_ENV;
  private static final String KEY = LlmCheckTest.KEY;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PullRequest PR = new PullRequest(3, "Parser", "Implements the parser, done.", false, null, null, null);

  @TempDir Path dir;
  private ChatServer server;
  private Path repo;

  @BeforeEach
  void setUp() {
    server = ChatServer.start();
    repo = dir.resolve("repo");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/parser.py", "def parse(text):\n    return text\n").commit("Initial parser");
      git.branch("feature").write("src/parser.py", "def parse(text):\n    return text\n\n\ndef tokens(text):\n    return []\n")
          .commit("Add tokens to the parser, done");
    }
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private CheckOutcome run(String extra, Duration backoff, Map<String, String> env, Path stateDir) throws Exception {
    ObjectNode block = (ObjectNode) JSON.readTree("{\"enabled\": true, \"endpoint\": \"" + server.endpoint()
        + "\", \"model\": \"test-model\", \"api-key-env\": \"" + KEY_ENV + "\", \"timeout-seconds\": 5}");
    JSON.readTree(extra.isEmpty() ? "{}" : extra).properties().forEach(field -> block.set(field.getKey(), field.getValue()));
    try (OpenAudit audit = OpenAudit.of(repo, "main..feature", PR, null, Map.of("llm", block), stateDir, env)) {
      LlmCheck check = new LlmCheck(backoff);
      assertThat(check.enabled(audit.context())).isTrue();
      return check.run(audit.context());
    }
  }

  private CheckOutcome run(String extra) throws Exception {
    return run(extra, Duration.ofMillis(50), Map.of(KEY_ENV, KEY), null);
  }

  @Test
  void serverErrorsAreRetriedOnceThenReportedAsAFailedCheck() throws Exception {
    server.enqueue(ChatServer.status(500, "{\"error\": {\"message\": \"model crashed\"}}"), ChatServer.status(502, "bad gateway"));

    CheckOutcome outcome = run("");

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: server error (HTTP 502), also after one retry: bad gateway");
    assertThat(outcome.findings()).isEmpty();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void oneServerErrorIsRetriedAndTheSecondAnswerCounts() throws Exception {
    server.enqueue(ChatServer.status(503, "busy", Map.of("Retry-After", "0")), ChatServer.answer("{\"gaps\": []}"));

    CheckOutcome outcome = run("");

    assertThat(outcome.failed()).as(outcome.note()).isFalse();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void rateLimitingIsRetriedOnceAfterTheBackoff() throws Exception {
    server.enqueue(ChatServer.status(429, "{\"error\": {\"message\": \"slow down\"}}"), ChatServer.status(429, "{\"error\": \"slow down\"}"));

    CheckOutcome outcome = run("", Duration.ofMillis(300), Map.of(KEY_ENV, KEY), null);

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: the server is rate limiting (HTTP 429), also after one retry: slow down");
    List<ChatServer.Request> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void theServersRetryAfterIsHonouredWhenItFitsTheTimeout() throws Exception {
    server.enqueue(ChatServer.status(429, "wait", Map.of("Retry-After", "1")), ChatServer.answer("{\"gaps\": []}"));

    CheckOutcome outcome = run("");

    assertThat(outcome.failed()).as(outcome.note()).isFalse();
    List<ChatServer.Request> requests = server.requests();
    assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterLongerThanTheTimeoutIsNotWaitedFor() throws Exception {
    server.enqueue(ChatServer.status(503, "maintenance", Map.of("Retry-After", "30")));

    CheckOutcome outcome = run("{\"timeout-seconds\": 2}");

    assertThat(outcome.note()).startsWith("did not run: server error (HTTP 503), no time left within 2 s to retry: maintenance");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aServerThatNeverAnswersIsAFailureAfterTheTimeout() throws Exception {
    server.enqueue(ChatServer.hang());

    CheckOutcome outcome = run("{\"timeout-seconds\": 1}");

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: no answer within 1 s");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aServerThatIsNotThereIsAFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CheckOutcome outcome = run("{\"endpoint\": \"http://127.0.0.1:" + port + "/v1\"}");

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: cannot connect to http://127.0.0.1:" + port + "/v1/chat/completions");
  }

  static Stream<Arguments> unusableAnswers() {
    return Stream.of(
        Arguments.of("not JSON", ChatServer.status(200, "<html>upstream timed out</html>"), "the answer is not JSON: <html>upstream"),
        Arguments.of("no choices", ChatServer.status(200, "{}"), "the answer has no choices"),
        Arguments.of("empty content", ChatServer.answer(""), "the answer is empty"),
        Arguments.of("cut off", ChatServer.status(200, "{\"choices\": [{\"message\": {\"content\": null}, \"finish_reason\": \"length\"}]}"),
            "the answer is empty: the model stopped at its output limit"),
        Arguments.of("prose", ChatServer.answer("I looked at the change and it seems fine to me."), "the answer holds no JSON object"),
        Arguments.of("wrong object", ChatServer.answer("{\"verdict\": \"pass\", \"all_claims_verified\": true}"),
            "the answer's JSON has no \"gaps\" list"),
        Arguments.of("gaps not a list", ChatServer.answer("{\"gaps\": \"none\"}"), "the answer's \"gaps\" is not a list"),
        Arguments.of("refusal", ChatServer.status(200, "{\"choices\": [{\"message\": {\"content\": null, \"refusal\": \"I cannot help\"}}]}"),
            "the model refused: I cannot help"),
        Arguments.of("huge", ChatServer.huge(2 << 20), "the answer is larger than 1024 KiB"),
        Arguments.of("not found", ChatServer.status(404, "{\"error\": {\"message\": \"model 'test-model' not found\"}}"),
            "HTTP 404 from http://127.0.0.1:"),
        Arguments.of("unauthorised", ChatServer.status(401, "{\"error\": {\"message\": \"invalid key\"}}"),
            "the server refused the credentials (HTTP 401): invalid key"),
        Arguments.of("redirect", ChatServer.status(301, "", Map.of("Location", "http://example.invalid/")),
            "the server redirects (HTTP 301)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableAnswers")
  void anUnusableAnswerIsAFailedCheckWithItsReason(String name, ChatServer.Reply reply, String reason) throws Exception {
    server.enqueue(reply);

    CheckOutcome outcome = run("");

    assertThat(outcome.failed()).as(outcome.note()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: " + reason);
    assertThat(outcome.findings()).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void whenTheModelIsRequiredAFailureBlocks() throws Exception {
    server.enqueue(ChatServer.status(500, "down"), ChatServer.status(500, "down"));

    CheckOutcome outcome = run("{\"required\": true}");

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo(LlmCheck.UNAVAILABLE_RULE);
      assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
      assertThat(finding.message()).isEqualTo("the LLM check did not run and llm.required is true: server error (HTTP 500), also after one retry: down");
    });
  }

  @Test
  void aMissingKeyVariableIsAFailureThatNamesTheVariable() throws Exception {
    CheckOutcome outcome = run("", Duration.ofMillis(50), Map.of(), null);

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.note()).startsWith("did not run: the environment variable " + KEY_ENV + " named by llm.api-key-env is not set");
    assertThat(server.requests()).isEmpty();
  }

  static Stream<Arguments> serversThatEchoTheKey() {
    String echo = "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + ". Header was Authorization: Bearer " + KEY + "\"}}";
    return Stream.of(
        Arguments.of("401 echo", List.of(ChatServer.status(401, echo))),
        Arguments.of("500 echo twice", List.of(ChatServer.status(500, echo), ChatServer.status(500, echo))),
        Arguments.of("garbage echo", List.of(ChatServer.status(200, "not json, your key is " + KEY))),
        Arguments.of("prose echo", List.of(ChatServer.answer("key " + KEY + " accepted; no JSON here"))),
        Arguments.of("gap echo", List.of(ChatServer.answer("{\"gaps\": [{\"claim\": \"c1\", \"path\": \"src/parser.py\", \"line\": 6,"
            + " \"message\": \"the key is " + KEY + "\"}, {\"claim\": \"c1\", \"path\": \"" + KEY + "\", \"line\": 1, \"message\": \"x\"}]}"))),
        Arguments.of("fine", List.of(ChatServer.answer("{\"gaps\": [{\"claim\": \"c1\", \"path\": \"src/parser.py\", \"line\": 6,"
            + " \"message\": \"tokens returns nothing\"}]}"))),
        Arguments.of("hang", List.of(ChatServer.hang())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serversThatEchoTheKey")
  void theApiKeyNeverReachesAReportTheStateDirectoryOrTheConsole(String name, List<ChatServer.Reply> replies) throws Exception {
    replies.forEach(server::enqueue);
    Path state = dir.resolve("state");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    CheckOutcome outcome;
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      outcome = run("{\"timeout-seconds\": 1, \"required\": true}", Duration.ofMillis(50), Map.of(KEY_ENV, KEY), state);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(server.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY));
    StringBuilder everything = new StringBuilder(console.toString(StandardCharsets.UTF_8)).append(outcome.note());
    for (Finding finding : outcome.findings()) {
      everything.append(finding).append('\n');
    }
    Verdict verdict = new Verdict(Outcome.of(outcome.findings()), new RangeInfo("main..feature", "a", "b", "a", 1), List.of(),
        outcome.findings(), List.of(new CheckRun("llm", outcome.failed() ? CheckRun.Status.ERROR : CheckRun.Status.RAN, 1, outcome.note())),
        new Inputs("b", "a", "a", "", "", "", ""), List.of());
    for (String format : Reporters.formats()) {
      StringBuilder report = new StringBuilder();
      Reporters.forFormat(format, false).orElseThrow().write(verdict, report);
      everything.append(report);
    }
    if (Files.isDirectory(state)) {
      try (Stream<Path> files = Files.walk(state)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          everything.append(Files.readString(file));
        }
      }
    }
    assertThat(everything.toString()).contains("llm").doesNotContain(KEY).doesNotContain(KEY.substring(0, 20));
  }
}
