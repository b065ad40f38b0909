package dev.blazebench.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.OperationResult;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.load.results.ScenarioResult;
import dev.blazebench.load.scenario.RealtimeOptions;
import dev.blazebench.load.scenario.ScenarioOptions;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blazebench load --scenario sync} as the command runs it against a real reference server:
 * every push acknowledged and received once by every receiver, both operations recorded with their
 * histograms, and the scenario refused on any API but grpc-blazebinary.
 */
class LoadRunSyncTest {

  private static ReferenceServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws IOException {
    server =
        ReferenceServer.start(
            ServerOptions.defaults().withGrpcPort(0).withHttpPort(0).withSeedRecords(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private LoadRunOptions options(String target, int receivers) {
    return new LoadRunOptions(
        Target.parse(target),
        null,
        "sync",
        new ScenarioOptions("sync-" + Long.toHexString(System.nanoTime()), null, 0, 0),
        new DriverConfig(
            LoadProfile.constantRate(10, Duration.ofSeconds(2)).withWarmup(Duration.ofMillis(500)),
            64,
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            DriverConfig.DEFAULT_INTERVAL),
        1,
        dir.resolve("out"),
        null,
        new RealtimeOptions(receivers, null, null));
  }

  @Test
  void everyPushIsAcknowledgedAndReceivedOnceByEveryReceiver() throws Exception {
    StringWriter progress = new StringWriter();
    StringWriter summary = new StringWriter();

    LoadRun.Outcome outcome =
        LoadRun.execute(
            options("blaze://127.0.0.1:" + server.grpcPort(), 2),
            new PrintWriter(progress, true),
            new PrintWriter(summary, true));

    assertThat(outcome.failedCalls()).as(summary.toString()).isZero();
    LoadResults results = ResultsJson.read(dir.resolve("out").resolve(ResultsJson.FILE_NAME));
    ScenarioResult scenario = results.results().get(0);
    assertThat(scenario.api()).isEqualTo("grpc-blazebinary");
    assertThat(scenario.scenario()).isEqualTo("sync");
    OperationResult roundTrip = scenario.operations().get(0);
    OperationResult pushToReceive = scenario.operations().get(1);
    assertThat(roundTrip.operation()).isEqualTo("round-trip");
    assertThat(roundTrip.count()).isEqualTo(20);
    assertThat(roundTrip.recordsReceived()).isEqualTo(20); // one sequence per ack
    assertThat(pushToReceive.operation()).isEqualTo("push-to-receive");
    assertThat(pushToReceive.count()).isEqualTo(2 * 20);
    assertThat(pushToReceive.latencyMicros().corrected().count()).isEqualTo(40);
    assertThat(scenario.wireBytes().sentBytes()).isPositive();
    assertThat(
            Files.exists(dir.resolve("out").resolve("grpc-blazebinary-sync-push-to-receive.hlog")))
        .isTrue();
    assertThat(progress.toString()).contains("1 pusher and 2 receiver(s)");
  }

  @Test
  void onlyGrpcBlazeBinaryServesSync() {
    assertThatThrownBy(() -> options("proto://127.0.0.1:" + server.grpcPort(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only grpc-blazebinary serves Sync");
    assertThatThrownBy(() -> options("rest://127.0.0.1:" + server.httpPort(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only grpc-blazebinary serves Sync");
  }
}
