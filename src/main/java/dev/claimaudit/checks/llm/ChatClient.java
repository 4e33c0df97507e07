package dev.claimaudit.checks.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.llm.LlmSettings.ResponseFormat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks an OpenAI-compatible {@code POST …/chat/completions} endpoint for one answer. Everything
 * it waits for fits in one deadline; a 429 or 5xx is retried once after a pause (the server's
 * {@code Retry-After} when it gives one); an answer larger than {@link #MAX_ANSWER_BYTES} is cut
 * off. Failures are {@link LlmFailure}s whose messages never hold the API key.
 */
final class ChatClient {
  static final int MAX_ANSWER_BYTES = 1 << 20;
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(60);

  private final HttpClient http;
  private final URI endpoint;
  private final String display;
  private final String apiKey;
  private final Duration backoff;
  private final ObjectMapper json;

  /** What the server answered: the text of the first choice, and how it was asked for. */
  record Answer(String content, ResponseFormat format, int requests) {}

  private record Reply(int status, byte[] body, Optional<String> retryAfter) {}

  /**
   * @param apiKey sent as a bearer token, or {@code null} to send none
   * @param backoff the pause before the one retry when the server does not say how long to wait
   */
  ChatClient(URI endpoint, String display, String apiKey, Duration timeout, Duration backoff) {
    this.endpoint = endpoint;
    this.display = display;
    this.apiKey = apiKey;
    this.backoff = backoff;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.json = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(2 * MAX_ANSWER_BYTES).build())
        .build());
  }

  /**
   * Sends {@code request} (model and messages) with each response format in turn until the
   * server accepts one: a server that rejects a format with 400 or 422 is asked again with the next.
   *
   * @param schema the JSON schema of the answer, for {@link ResponseFormat#JSON_SCHEMA}
   */
  Answer complete(ObjectNode request, List<ResponseFormat> formats, JsonNode schema, Duration timeout) throws LlmFailure {
    long deadline = System.nanoTime() + timeout.toNanos();
    int requests = 0;
    for (int i = 0; ; i++) {
      ResponseFormat format = formats.get(i);
      byte[] body = body(request, format, schema);
      Reply reply = send(body, deadline, timeout);
      requests++;
      if (retryable(reply.status())) {
        Duration wait = retryAfter(reply).orElse(backoff);
        if (System.nanoTime() + wait.toNanos() >= deadline) {
          throw failure(reply, "no time left within " + timeout.toSeconds() + " s to retry");
        }
        pause(wait);
        reply = send(body, deadline, timeout);
        requests++;
        if (retryable(reply.status())) {
          throw failure(reply, "also after one retry");
        }
      }
      if (reply.status() == 200) {
        return new Answer(content(reply), format, requests);
      }
      boolean rejectsFormat = reply.status() == 400 || reply.status() == 422;
      if (!rejectsFormat || i == formats.size() - 1) {
        throw failure(reply, null);
      }
    }
  }

  private byte[] body(ObjectNode request, ResponseFormat format, JsonNode schema) {
    ObjectNode body = request.deepCopy();
    switch (format) {
      case JSON_SCHEMA -> {
        ObjectNode responseFormat = body.putObject("response_format");
        responseFormat.put("type", "json_schema");
        ObjectNode jsonSchema = responseFormat.putObject("json_schema");
        jsonSchema.put("name", "claim_gaps");
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema);
      }
      case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
      case TEXT, AUTO -> body.remove("response_format");
    }
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the request", e);
    }
  }

  private Reply send(byte[] body, long deadline, Duration timeout) throws LlmFailure {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new LlmFailure("no answer within " + timeout.toSeconds() + " s");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofNanos(remaining))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(), info -> new LimitedBody(MAX_ANSWER_BYTES));
    try {
      HttpResponse<byte[]> response = pending.get(remaining, TimeUnit.NANOSECONDS);
      return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new LlmFailure("no answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted while waiting for the model");
    } catch (ExecutionException e) {
      throw transportFailure(e.getCause(), timeout);
    }
  }

  private LlmFailure transportFailure(Throwable error, Duration timeout) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof LimitedBody.TooLarge) {
        return new LlmFailure("the answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KiB");
      }
      if (cause instanceof HttpTimeoutException) {
        return new LlmFailure("no answer within " + timeout.toSeconds() + " s");
      }
      if (cause instanceof ConnectException) {
        return new LlmFailure("cannot connect to " + display);
      }
    }
    String message = error == null ? "" : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return new LlmFailure("the connection to " + display + " failed: " + safe(message, 200));
  }

  private static boolean retryable(int status) {
    return status == 429 || status >= 500 && status <= 599;
  }

  private Optional<Duration> retryAfter(Reply reply) {
    return reply.retryAfter().flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.strip());
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_RETRY_AFTER.toSeconds())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static void pause(Duration wait) throws LlmFailure {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmFailure("interrupted while waiting to retry");
    }
  }

  private LlmFailure failure(Reply reply, String context) {
    int status = reply.status();
    String what;
    if (status == 401 || status == 403) {
      what = "the server refused the credentials (HTTP " + status + ")";
    } else if (status == 404) {
      what = "HTTP 404 from " + display + ": no such endpoint or model";
    } else if (status == 429) {
      what = "the server is rate limiting (HTTP 429)";
    } else if (status >= 500) {
      what = "server error (HTTP " + status + ")";
    } else if (status >= 300 && status < 400) {
      what = "the server redirects (HTTP " + status + "); point llm.endpoint at the final address";
    } else {
      what = "HTTP " + status + " from " + display;
    }
    String detail = errorText(reply.body());
    return new LlmFailure(what + (context == null ? "" : ", " + context) + (detail.isEmpty() ? "" : ": " + detail));
  }

  /** The server's own words about an error: {@code error.message}, else the start of the body. */
  private String errorText(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode root = json.readTree(text);
      JsonNode error = root.path("error");
      String message = error.isTextual() ? error.asText() : error.path("message").isTextual() ? error.path("message").asText()
          : root.path("message").asText("");
      if (!message.isBlank()) {
        return safe(message, 200);
      }
    } catch (IOException e) {
      // Not JSON: the start of the body says enough.
    }
    return safe(text, 200);
  }

  private String content(Reply reply) throws LlmFailure {
    JsonNode root;
    try {
      root = json.readTree(reply.body());
    } catch (IOException e) {
      throw new LlmFailure("the answer is not JSON: " + safe(new String(reply.body(), StandardCharsets.UTF_8), 120));
    }
    if (root == null || !root.isObject()) {
      throw new LlmFailure("the answer is not a JSON object");
    }
    JsonNode choice = root.path("choices").path(0);
    if (!choice.isObject()) {
      String error = root.has("error") ? ": " + errorText(reply.body()) : "";
      throw new LlmFailure("the answer has no choices" + error);
    }
    JsonNode message = choice.path("message");
    if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
      throw new LlmFailure("the model refused: " + safe(message.path("refusal").asText(), 200));
    }
    StringBuilder content = new StringBuilder();
    JsonNode node = message.path("content");
    if (node.isTextual()) {
      content.append(node.asText());
    } else if (node.isArray()) {
      for (JsonNode part : node) {
        content.append(part.path("text").asText(""));
      }
    }
    if (content.toString().isBlank()) {
      boolean cut = "length".equals(choice.path("finish_reason").asText(""));
      throw new LlmFailure(cut ? "the answer is empty: the model stopped at its output limit" : "the answer is empty");
    }
    return content.toString();
  }

  /** Server text fit for a report: the API key replaced (in case a server echoes it) before the text is cut to one line. */
  private String safe(String text, int max) {
    return UntrustedText.oneLine(redact(text), max);
  }

  /** {@code text} with the API key replaced, in case a server echoes it. */
  String redact(String text) {
    if (text == null || apiKey == null || apiKey.isEmpty()) {
      return text;
    }
    return text.replace(apiKey, "[redacted]");
  }
}
