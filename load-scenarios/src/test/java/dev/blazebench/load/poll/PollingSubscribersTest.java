package dev.blazebench.load.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.blazebench.load.realtime.ChangeSink;
import dev.blazebench.load.realtime.ChangesJson;
import dev.blazebench.load.realtime.ObservedChange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where a poller asks next. The server's protocol: the next {@code since} is the last sequence
 * received; {@code lastSequence} (the log's head) only tells a new client where "now" is. A page
 * that stops short of the head ({@code "hasMore": true}) must not make the poller skip what it did
 * not carry.
 */
class PollingSubscribersTest {

  private static ChangesJson.Page page(boolean hasMore, long lastSequence, long... sequences) {
    List<ObservedChange> changes = new ArrayList<>();
    for (long sequence : sequences) {
      changes.add(new ObservedChange(sequence, ObservedChange.Kind.INSERT, UUID.randomUUID(), "t"));
    }
    return new ChangesJson.Page(changes, lastSequence, hasMore);
  }

  @Test
  void afterAPageWithChangesThePollerAsksAfterTheLastChangeReceived() {
    assertThat(PollingSubscribers.nextSince(10, page(false, 13, 11, 12, 13))).isEqualTo(13);
    // Stopped short of the head (the limit, or a change not yet visible): after 11, not 13.
    assertThat(PollingSubscribers.nextSince(10, page(true, 13, 11))).isEqualTo(11);
  }

  @Test
  void anEmptyPageMovesToTheHeadOnlyWhenItIsComplete() {
    assertThat(PollingSubscribers.nextSince(10, page(false, 10))).isEqualTo(10);
    assertThat(PollingSubscribers.nextSince(0, page(false, 10))).isEqualTo(10); // the start
    assertThat(PollingSubscribers.nextSince(10, page(true, 13))).isEqualTo(10);
    assertThat(PollingSubscribers.nextSince(12, page(false, 10))).isEqualTo(12); // never back
  }

  /**
   * Against a scripted server: the first page after the start carries change 11 of a head at 13
   * with {@code "hasMore": true}; the poller must ask again after 11 at once, and then receives 12
   * and 13. (Before this was fixed it asked after 13, and 12 and 13 never came.)
   */
  @Test
  void aPollerReceivesTheChangesAShortPageLeftOut() throws Exception {
    List<String> queries = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/bugs/changes",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          queries.add(query);
          if (query.contains("limit=0")) {
            reply(exchange, "{\"changes\": [], \"lastSequence\": 10, \"hasMore\": false}");
          } else if (query.startsWith("since=10&")) {
            reply(exchange, changes(true, 13, 11));
          } else if (query.startsWith("since=11&")) {
            reply(exchange, changes(false, 13, 12, 13));
          } else {
            reply(exchange, "{\"changes\": [], \"lastSequence\": 13, \"hasMore\": false}");
          }
        });
    server.start();
    List<Long> received = new CopyOnWriteArrayList<>();
    try (PollingSubscribers pollers =
        new PollingSubscribers(
            "127.0.0.1", server.getAddress().getPort(), Duration.ofMillis(50), 1)) {
      AutoCloseable subscription =
          pollers.subscribe(
              "bugs",
              new ChangeSink() {
                @Override
                public void onChanges(List<ObservedChange> changes, long nanos, long bytes) {
                  changes.forEach(c -> received.add(c.sequence()));
                }

                @Override
                public void onEnd(Throwable cause) {}
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      subscription.close();
    } finally {
      server.stop(0);
    }

    assertThat(received).containsExactly(11L, 12L, 13L);
    assertThat(queries.subList(0, 3))
        .extracting(q -> q.substring(0, q.indexOf('&')))
        .containsExactly("since=0", "since=10", "since=11");
  }

  private static String changes(boolean hasMore, long lastSequence, long... sequences) {
    StringBuilder json = new StringBuilder("{\"changes\": [");
    for (int i = 0; i < sequences.length; i++) {
      json.append(i == 0 ? "" : ", ")
          .append("{\"sequence\": ")
          .append(sequences[i])
          .append(", \"type\": \"insert\", \"id\": \"")
          .append(UUID.randomUUID())
          .append("\", \"changes\": {\"title\": \"change ")
          .append(sequences[i])
          .append("\"}}");
    }
    return json.append("], \"lastSequence\": ")
        .append(lastSequence)
        .append(", \"hasMore\": ")
        .append(hasMore)
        .append('}')
        .toString();
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
