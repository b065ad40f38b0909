package dev.blazebench.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeSubscription;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.store.StoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket push ({@code /v1/{collection}/subscribe}) against a real server. */
class WebSocketPushTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void aWebSocketGetsWhatAGrpcSubscriberGets() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
        BlazeNativeClient client = BlazeNativeClient.forTarget(GrpcSubscribeTest.target(server))) {
      client.insertMany("tasks", BugWorkload.bugs(9, 0, 2)); // before: replayed from the log
      RecordingListener grpc = new RecordingListener();
      JsonSocket socket = JsonSocket.open(server, "/v1/tasks/subscribe?since=0");
      try (ChangeSubscription subscription = client.subscribe("tasks", 0, grpc)) {
        client.insertMany("tasks", BugWorkload.bugs(9, 2, 3)); // after: live
        List<Change> pushed = grpc.awaitChanges(5);
        List<JsonNode> received = socket.awaitChanges(5);
        assertThat(received).hasSize(5);
        for (int i = 0; i < 5; i++) {
          assertThat(received.get(i).get("sequence").asLong()).isEqualTo(pushed.get(i).sequence());
          assertThat(received.get(i).get("commitTimeMicros").asLong())
              .isEqualTo(pushed.get(i).commitTimeMicros());
          assertThat(received.get(i).get("id").asText())
              .isEqualTo(pushed.get(i).operation().recordId().toString());
          assertThat(received.get(i).get("type").asText()).isEqualTo("insert");
        }
        assertThat(subscription).isNotNull();
      }
      // Resume on a new socket after the last sequence received: only what came later.
      socket.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      client.insertMany("tasks", BugWorkload.bugs(9, 5, 1));
      JsonSocket resumed = JsonSocket.open(server, "/v1/tasks/subscribe?since=5");
      assertThat(resumed.awaitChanges(1))
          .extracting(c -> c.get("sequence").asLong())
          .containsExactly(6L);
      resumed.socket.abort();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (server.database().changeFeed().subscriberCount() != 0) {
        assertThat(System.nanoTime()).as("socket subscriptions left").isLessThan(deadline);
        Thread.sleep(10); // the server hears of the closed socket asynchronously
      }
    }
  }

  @Test
  void anExpiredSequenceClosesWithResyncNeeded() throws Exception {
    try (ReferenceServer server =
            ReferenceServer.start(
                GrpcSubscribeTest.options(dataDir)
                    .withStore(
                        StoreOptions.defaults().withChangeLogRetention(5, Duration.ofHours(1))));
        BlazeNativeClient client = BlazeNativeClient.forTarget(GrpcSubscribeTest.target(server))) {
      client.insertMany("tasks", BugWorkload.bugs(9, 0, 10));
      JsonSocket socket = JsonSocket.open(server, "/v1/tasks/subscribe?since=1");
      String[] closed = socket.closed.get(20, TimeUnit.SECONDS);
      assertThat(closed[0]).isEqualTo("4001");
      assertThat(closed[1]).isEqualTo("resync needed; last sequence 10");
    }
  }

  /** A JDK WebSocket client that parses each text message and keeps its changes. */
  static final class JsonSocket implements WebSocket.Listener {
    final List<JsonNode> changes = new ArrayList<>();
    final CompletableFuture<String[]> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static JsonSocket open(ReferenceServer server, String path) throws Exception {
      JsonSocket listener = new JsonSocket();
      listener.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://" + server.httpAddress() + path), listener)
              .get(20, TimeUnit.SECONDS);
      return listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          synchronized (this) {
            message.get("changes").forEach(changes::add);
            notifyAll();
          }
        } catch (Exception e) {
          closed.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new String[] {Integer.toString(statusCode), reason});
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }

    synchronized List<JsonNode> awaitChanges(int count) throws InterruptedException {
      long deadline = System.nanoTime() + RecordingListener.WAIT.toNanos();
      while (changes.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("only " + changes.size() + " of " + count + " changes arrived");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.copyOf(changes);
    }
  }
}
