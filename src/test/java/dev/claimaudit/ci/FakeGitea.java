package dev.claimaudit.ci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Gitea's REST API on 127.0.0.1: it records every request and answers from a small
 * table of canned responses keyed by method and path (query left out).
 */
final class FakeGitea implements AutoCloseable {
  /** One request as the server received it. */
  record Request(String method, String path, String query, String authorization, String contentType, String body) {}

  private record Response(int status, byte[] body, String contentType) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Response> responses = new ConcurrentHashMap<>();

  FakeGitea() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, as GITHUB_SERVER_URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answer {@code method path} with {@code status} and {@code body} from now on. */
  FakeGitea answer(String method, String path, int status, String body) {
    responses.put(method + " " + path, new Response(status, body.getBytes(StandardCharsets.UTF_8), "application/json"));
    return this;
  }

  /** Serve {@code bytes} as a file at {@code path}, as the package registry serves an upload. */
  FakeGitea file(String path, byte[] bytes) {
    responses.put("GET " + path, new Response(200, bytes.clone(), "application/octet-stream"));
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    }
    Response response = responses.getOrDefault(exchange.getRequestMethod() + " " + path,
        new Response(404, "{\"message\":\"not found\"}".getBytes(StandardCharsets.UTF_8), "application/json"));
    byte[] bytes = response.body();
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
