package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose engine fails as an I/O error leaves it: MVStore closes itself after a failed write
 * ({@code panic}), which the test does by closing it at once underneath the store.
 */
class StoreFailureTest {

  @TempDir Path dir;

  private static BlazeRecord titled(String title) {
    return BlazeRecord.builder().put("title", BlazeValue.string(title)).build();
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }

  @Test
  void aFailedStoreRefusesWritesTellsItsWatchersOnceAndKeepsWhatItAcknowledged() {
    BlazeStore store = BlazeStore.open(dir);
    UUID kept = idOf(store.insert("bugs", titled("acknowledged")));
    AtomicInteger told = new AtomicInteger();
    store.whenFailed(told::incrementAndGet);
    assertThat(store.hasFailed()).isFalse();

    store.engine().closeImmediately();

    assertThatThrownBy(() -> store.insert("bugs", titled("lost")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("commit failed: ");
    assertThat(store.hasFailed()).isTrue();
    assertThat(told).hasValue(1);
    assertThatThrownBy(() -> store.insert("bugs", titled("refused")))
        .isInstanceOf(StoreClosedException.class)
        .hasMessage("the store failed earlier");
    assertThat(told).hasValue(1);
    // A watcher that comes late is told at once.
    AtomicInteger late = new AtomicInteger();
    store.whenFailed(late::incrementAndGet);
    assertThat(late).hasValue(1);
    closeQuietly(store);

    // Reopened, the store has the acknowledged record and nothing else, and takes writes again.
    try (BlazeStore reopened = BlazeStore.open(dir)) {
      assertThat(reopened.fetch("bugs", kept)).isPresent();
      assertThat(reopened.count("bugs")).isEqualTo(1);
      reopened.insert("bugs", titled("after"));
      assertThat(reopened.count("bugs")).isEqualTo(2);
    }
  }

  @Test
  void theServersHealthTurnsNotServingOverGrpcAndRestWhenItsStoreFails() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(serverOptions())) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        HealthCheckRequest all = HealthCheckRequest.getDefaultInstance();
        assertThat(health.check(all).getStatus()).isEqualTo(ServingStatus.SERVING);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest restHealth =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health"))
                .build();
        HttpResponse<String> serving = http.send(restHealth, BodyHandlers.ofString());
        assertThat(serving.statusCode()).isEqualTo(200);
        assertThat(serving.body()).isEqualTo("{\"status\":\"SERVING\"}");

        BlazeStore store = server.database().store();
        store.engine().closeImmediately();
        assertThatThrownBy(() -> store.insert("bugs", titled("lost")))
            .isInstanceOf(StoreException.class);

        assertThat(health.check(all).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
        HttpResponse<String> failed = http.send(restHealth, BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body())
            .contains("\"error\":\"UNAVAILABLE\"")
            .contains("the store failed: it takes no writes until the server is restarted");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aServerToldToStopWhenItsStoreFailsStopsAndStartsAgainWithWhatItAcknowledged()
      throws Exception {
    UUID kept;
    try (ReferenceServer server = ReferenceServer.start(serverOptions())) {
      server.stopWhenStoreFails();
      BlazeStore store = server.database().store();
      kept = idOf(store.insert("bugs", titled("acknowledged")));
      assertThat(server.stoppedByStoreFailure()).isFalse();

      store.engine().closeImmediately();
      assertThatThrownBy(() -> store.insert("bugs", titled("lost")))
          .isInstanceOf(StoreException.class);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.isTerminated() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.isTerminated()).isTrue();
      assertThat(server.stoppedByStoreFailure()).isTrue();
    }
    try (ReferenceServer again = ReferenceServer.start(serverOptions())) {
      BlazeStore store = again.database().store();
      assertThat(store.fetch("bugs", kept)).isPresent();
      assertThat(store.count("bugs")).isEqualTo(1);
      assertThat(again.stoppedByStoreFailure()).isFalse();
    }
  }

  @Test
  void theDockerImagesHealthChecksPassUntilTheStoreFails() throws Exception {
    // scripts/docker-healthcheck.sh, as the image runs it: gRPC health spoken over a hand-built
    // HTTP/2 exchange, and GET /health.
    Path probe = Path.of("..", "scripts", "docker-healthcheck.sh").toAbsolutePath().normalize();
    assertThat(probe).isRegularFile();
    try (ReferenceServer server = ReferenceServer.start(serverOptions())) {
      String grpc = "grpc:" + server.grpcPort();
      String http = "http:" + server.httpPort();
      assertThat(run(probe, grpc, http)).isEqualTo("exit 0");
      // The gRPC probe wants a gRPC health answer, not just any HTTP/2 server.
      assertThat(run(probe, "grpc:" + server.httpPort())).startsWith("exit 1");

      BlazeStore store = server.database().store();
      store.engine().closeImmediately();
      assertThatThrownBy(() -> store.insert("bugs", titled("lost")))
          .isInstanceOf(StoreException.class);

      assertThat(run(probe, grpc)).startsWith("exit 1").contains("health not SERVING");
      assertThat(run(probe, http)).startsWith("exit 1").contains("/health not 200");
    }
  }

  /** gRPC (BlazeBinary) and REST on free ports, over this test's data directory, no seed. */
  private ServerOptions serverOptions() {
    return ServerOptions.defaults()
        .withApis(EnumSet.of(ServerApi.BLAZE, ServerApi.REST))
        .withGrpcPort(0)
        .withHttpPort(0)
        .withDataDir(dir)
        .withSeedRecords(0)
        .withShutdownGrace(Duration.ofSeconds(2));
  }

  /** "exit N" and what the script printed. */
  private static String run(Path script, String... checks) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(checks));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not end within 30 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return ("exit " + process.exitValue() + " " + output).strip();
  }

  private static void closeQuietly(BlazeStore store) {
    try {
      store.close();
    } catch (RuntimeException e) {
      // the engine is closed already
    }
  }
}
