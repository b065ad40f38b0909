package dev.blazebench.reports.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chrome DevTools protocol session with one page, over the JDK's WebSocket client: commands
 * answered by id, events kept in order for the test to read.
 */
final class DevToolsSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevToolsSession(WebSocket socket, Listener listener) {
    this.socket = socket;
    listener.session = this;
  }

  /** Opens a session with the first page target of the browser on {@code port}. */
  static DevToolsSession openPage(int port, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpResponse<String> targets =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(timeout)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String url = null;
    for (JsonNode target : JSON.readTree(targets.body())) {
      if (target.path("type").asText().equals("page")) {
        url = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (url == null) {
      throw new IOException("no page target in " + targets.body());
    }
    Listener listener = new Listener();
    WebSocket socket =
        http.newWebSocketBuilder()
            .connectTimeout(timeout)
            .buildAsync(URI.create(url), listener)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return new DevToolsSession(socket, listener);
  }

  /** Sends a command and waits for its result. */
  JsonNode send(String method, Map<String, Object> params, Duration timeout) throws Exception {
    int id = nextId.getAndIncrement();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket
        .sendText(JSON.writeValueAsString(message), true)
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Evaluates {@code expression} in the page and returns its value (as JSON). */
  JsonNode evaluate(String expression, Duration timeout) throws Exception {
    JsonNode result =
        send(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true),
            timeout);
    if (result.has("exceptionDetails")) {
      throw new IOException("evaluation threw: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Events of {@code method} received so far. */
  List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.path("method").asText().equals(method)).toList();
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
        if (answer != null) {
          answer.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      events.add(JSON.createObjectNode().put("method", "test.unreadableMessage").put("text", text));
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  /** Joins a message's parts (large results arrive in several frames). */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();
    private volatile DevToolsSession session;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String message = parts.toString();
        parts.setLength(0);
        session.receive(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
