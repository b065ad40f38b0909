package dev.blazebench.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed query to a reader that stops reading: the server must stop reading the database
 * (backpressure), not buffer the whole result. Asserted on the server's counters, not on time.
 */
class RestStreamBackpressureTest {

  private static final int RECORDS = 50_000;
  private static final int BATCH = 500;

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
  void slowReaderPausesTheDatabaseReadInsteadOfBufferingTheResult() throws Exception {
    RestMetrics metrics = rest.server.metrics();
    HttpResponse<InputStream> response = rest.openStream(BATCH);
    assertThat(response.statusCode()).isEqualTo(200);

    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).startsWith("{\"assignee\":");

      // The reader now stops. Once the socket buffers and the write queue are full, the server
      // must wait for a drain instead of reading on.
      awaitUntil(() -> metrics.backpressurePauses() > 0, Duration.ofSeconds(60));
      long readWhilePaused = metrics.recordsRead();
      assertThat(readWhilePaused).isLessThan(RECORDS);
      assertThat(metrics.completed()).isZero();

      long received = 1;
      while (lines.readLine() != null) {
        received++;
      }
      assertThat(received).isEqualTo(RECORDS);
    }
    awaitUntil(() -> metrics.completed() == 1, Duration.ofSeconds(10));
    assertThat(metrics.recordsRead()).isEqualTo(RECORDS);
  }

  @Test
  void readerThatGoesAwayStopsTheStream() throws Exception {
    RestMetrics metrics = rest.server.metrics();
    HttpResponse<InputStream> response = rest.openStream(BATCH);
    try (InputStream body = response.body()) {
      assertThat(body.read()).isEqualTo('{');
      awaitUntil(() -> metrics.backpressurePauses() > 0, Duration.ofSeconds(60));
    } // closing the body mid-stream drops the connection

    awaitUntil(() -> metrics.aborted() == 1, Duration.ofSeconds(30));
    assertThat(metrics.completed()).isZero();
    assertThat(metrics.recordsRead()).isLessThan(RECORDS);
  }

  /** Polls {@code condition} every 10 ms; fails after {@code timeout} (a bound, not a measure). */
  static void awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(10);
    }
  }
}
