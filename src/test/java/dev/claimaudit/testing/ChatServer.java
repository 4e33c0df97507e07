package dev.claimaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that speaks the OpenAI chat completions protocol with scripted
 * replies, and records every request it receives.
 *
 * <pre>
 * try (ChatServer server = ChatServer.start()) {
 *   server.enqueue(ChatServer.answer("{\"gaps\": []}"));
 *   ... point llm.endpoint at server.endpoint() ...
 * }
 * </pre>
 */
public final class ChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Deque<Function<Request, Reply>> script = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();

  /** A request as received. */
  public record Request(String method, String path, Map<String, List<String>> headers, String body, long receivedNanos) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }

    /** The system and user messages joined, as the model reads them. */
    public String prompt() {
      StringBuilder text = new StringBuilder();
      json().path("messages").forEach(message -> text.append(message.path("content").asText()).append('\n'));
      return text.toString();
    }
  }

  /**
   * A scripted reply.
   *
   * @param hang never answer (until the server closes)
   * @param streamBytes instead of {@code body}, stream this many bytes of JSON-looking filler
   */
  public record Reply(int status, Map<String, String> headers, String body, boolean hang, int streamBytes) {}

  private ChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public static ChatServer start() {
    try {
      ChatServer chat = new ChatServer();
      chat.server.start();
      return chat;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, {@code http://127.0.0.1:PORT/v1}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized ChatServer enqueue(Reply... replies) {
    for (Reply reply : replies) {
      script.add(request -> reply);
    }
    return this;
  }

  /** A reply that depends on the request, for servers that accept only some request shapes. */
  public synchronized ChatServer enqueue(Function<Request, Reply> responder) {
    script.add(responder);
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** A completion whose first choice says {@code content}. */
  public static Reply answer(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-test");
    root.put("object", "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    return new Reply(200, Map.of("Content-Type", "application/json"), root.toString(), false, 0);
  }

  public static Reply status(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json"), body, false, 0);
  }

  public static Reply status(int status, String body, Map<String, String> headers) {
    return new Reply(status, headers, body, false, 0);
  }

  public static Reply hang() {
    return new Reply(200, Map.of(), "", true, 0);
  }

  public static Reply huge(int bytes) {
    return new Reply(200, Map.of("Content-Type", "application/json"), "", false, bytes);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime());
      Function<Request, Reply> next;
      synchronized (this) {
        requests.add(request);
        next = script.poll();
      }
      Reply reply = next == null ? status(500, "{\"error\":{\"message\":\"no scripted reply left\"}}") : next.apply(request);
      if (reply.hang()) {
        closing.await();
        return;
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      if (reply.streamBytes() > 0) {
        exchange.sendResponseHeaders(reply.status(), 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = "{\"filler\": \"0123456789abcdef\"}\n".repeat(256).getBytes(StandardCharsets.UTF_8);
        for (int sent = 0; sent < reply.streamBytes(); sent += chunk.length) {
          out.write(chunk);
        }
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client hung up (it stopped reading a body it found too large): nothing to answer.
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
