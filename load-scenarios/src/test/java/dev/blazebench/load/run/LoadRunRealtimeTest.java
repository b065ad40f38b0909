package dev.blazebench.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.OperationResult;
import dev.blazebench.load.results.RealtimeResult;
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
 * {@code blazebench load --scenario realtime} as the command runs it: options, clients opened by
 * the catalogue, a run folder with results.json (schema 3's realtime figures) and the delivery log.
 */
class LoadRunRealtimeTest {

  private static ReferenceServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws IOException, InterruptedException {
    server =
        ReferenceServer.start(
            ServerOptions.defaults().withGrpcPort(0).withHttpPort(0).withSeedRecords(0));
    // The run allows 3 s to connect; a cold server and client on a busy CI machine can take
    // longer for their first call, which is not what these tests check.
    try (LoadClient writer =
            Catalogue.openApi(
                "grpc-blazebinary", Target.parse("blaze://127.0.0.1:" + server.grpcPort()), 1);
        SubscriberApi poll =
            Catalogue.openSubscribers(
                "rest-poll-1s",
                Target.parse("rest-poll://127.0.0.1:" + server.httpPort()),
                1,
                Duration.ofSeconds(1));
        SubscriberApi ws =
            Catalogue.openSubscribers(
                "websocket-json", Target.parse("ws://127.0.0.1:" + server.httpPort()), 1, null)) {
      writer.awaitReady(30_000);
      poll.awaitReady(30_000);
      ws.awaitReady(30_000);
    }
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private LoadRunOptions options(String target, Duration pollInterval, Duration drain) {
    return new LoadRunOptions(
        Target.parse(target),
        null,
        "realtime",
        new ScenarioOptions("rt-" + Long.toHexString(System.nanoTime()), null, 0, 0),
        new DriverConfig(
            LoadProfile.constantRate(10, Duration.ofSeconds(2)).withWarmup(Duration.ofMillis(500)),
            64,
            Duration.ofSeconds(5),
            drain,
            DriverConfig.DEFAULT_INTERVAL),
        1,
        dir.resolve("out"),
        null,
        new RealtimeOptions(
            2, pollInterval, Target.parse("blaze://127.0.0.1:" + server.grpcPort())));
  }

  @Test
  void aWebSocketRunWritesItsDeliveriesAndBytesPerSubscriberHour() throws Exception {
    StringWriter progress = new StringWriter();
    StringWriter summary = new StringWriter();

    LoadRun.Outcome outcome =
        LoadRun.execute(
            options("ws://127.0.0.1:" + server.httpPort(), null, Duration.ofSeconds(5)),
            new PrintWriter(progress, true),
            new PrintWriter(summary, true));

    assertThat(outcome.failedCalls()).as(summary.toString()).isZero();
    LoadResults results = ResultsJson.read(dir.resolve("out").resolve(ResultsJson.FILE_NAME));
    assertThat(results.schemaVersion()).isEqualTo(LoadResults.SCHEMA_VERSION);
    ScenarioResult scenario = results.results().get(0);
    assertThat(scenario.api()).isEqualTo("websocket-json");
    assertThat(scenario.scenario()).isEqualTo("realtime");
    OperationResult delivery = scenario.operations().get(0);
    assertThat(delivery.operation()).isEqualTo("delivery");
    assertThat(delivery.count()).isEqualTo(2 * 20);
    RealtimeResult realtime = scenario.realtime();
    assertThat(realtime.subscribers()).isEqualTo(2);
    assertThat(realtime.writerApi()).isEqualTo("grpc-blazebinary");
    assertThat(realtime.pollIntervalSec()).isNull();
    assertThat(realtime.wireReceivedPerSubscriberPerHour())
        .isEqualTo(scenario.wireBytes().receivedBytes() * 3600.0 / 2.0 / 2);
    assertThat(Files.exists(dir.resolve("out").resolve("websocket-json-realtime-delivery.hlog")))
        .isTrue();
    assertThat(summary.toString())
        .contains("websocket-json realtime: 2 subscriber(s), writes through grpc-blazebinary");
    assertThat(progress.toString()).contains("every subscriber live after");
  }

  @Test
  void aPollingRunNamesItsInterval() throws Exception {
    StringWriter summary = new StringWriter();

    LoadRun.Outcome outcome =
        LoadRun.execute(
            options(
                "rest-poll://127.0.0.1:" + server.httpPort(),
                Duration.ofMillis(500),
                Duration.ofSeconds(6)),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(summary, true));

    assertThat(outcome.failedCalls()).as(summary.toString()).isZero();
    ScenarioResult scenario = outcome.results().results().get(0);
    assertThat(scenario.api()).isEqualTo("rest-poll-500ms");
    assertThat(scenario.operations().get(0).count()).isEqualTo(2 * 20);
    assertThat(scenario.realtime().pollIntervalSec()).isEqualTo(0.5);
    assertThat(summary.toString()).contains("polling every 0.500 s");
  }
}
