package dev.blazebench.server.rest;

import static dev.blazebench.server.rest.RestStreamBackpressureTest.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop (SIGTERM, Ctrl-C) lets a request the server already accepted finish: here a
 * streamed query that is paused by backpressure when the stop begins still delivers every record,
 * and the server takes no new connections meanwhile. An immediate close would cut the stream.
 */
class RestGracefulStopTest {

  private static final int RECORDS = 30_000;

  private RestFixture rest;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    rest = RestFixture.start(dataDir);
    rest.insertBugs(RECORDS);
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void streamInProgressWhenTheStopBeginsIsDeliveredInFull() throws Exception {
    RestMetrics metrics = rest.server.metrics();
    HttpResponse<InputStream> response = rest.openStream(500);
    assertThat(response.statusCode()).isEqualTo(200);

    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).startsWith("{\"assignee\":");
      awaitUntil(() -> metrics.backpressurePauses() > 0, Duration.ofSeconds(60));

      CompletableFuture<Void> stopping =
          CompletableFuture.runAsync(() -> rest.server.close(Duration.ofSeconds(60)));
      // New connections are refused once the stop has begun.
      awaitUntil(() -> refusesNewConnections(rest), Duration.ofSeconds(30));
      assertThat(stopping).isNotDone();

      long received = 1;
      while (lines.readLine() != null) {
        received++;
      }
      assertThat(received).isEqualTo(RECORDS);
      stopping.get();
    }
    assertThat(metrics.completed()).isEqualTo(1);
    assertThat(metrics.aborted()).isZero();
  }

  @Test
  void webSocketSubscriberIsToldTheServerIsGoingAway() throws Exception {
    CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    WebSocket socket =
        rest.http
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + rest.server.actualPort() + "/v1/bugs/subscribe"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                    closeCode.complete(statusCode);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    assertThat(socket.isInputClosed()).isFalse();

    // A live subscription is not a request in progress: the stop must not wait its grace for it.
    rest.server.close(Duration.ofMinutes(5));

    assertThat(closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1001);
  }

  /** Whether a fresh connection is refused (the JDK client opens a new one per idle pool). */
  private static boolean refusesNewConnections(RestFixture rest) {
    try {
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      fresh.send(
          HttpRequest.newBuilder(rest.uri("/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
