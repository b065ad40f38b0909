package dev.blazebench.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.OperationResult;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.load.results.ScenarioResult;
import dev.blazebench.load.run.LoadRun;
import dev.blazebench.load.run.LoadRunOptions;
import dev.blazebench.load.run.Target;
import dev.blazebench.load.scenario.ScenarioOptions;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.containers.GenericContainer;

/**
 * The reference server from the image, loaded from this JVM with the load driver's {@code
 * fetch-1000} scenario over each API family, as {@code blazebench load} would: every call answered,
 * checked, a thousand records each, and {@code results.json} written.
 */
class ServerImageLoadIT {

  /** The scenario's fetch returns this many records per call. */
  private static final int RECORDS_PER_FETCH = 1000;

  private static GenericContainer<?> server;

  @BeforeAll
  static void startServer() throws InterruptedException {
    if (!BlazeBenchImage.available()) {
      return; // each test is skipped, with the reason, by requireImage()
    }
    server = BlazeBenchImage.server("5k");
    server.start();
    awaitGrpcReady(Duration.ofMinutes(1));
  }

  /**
   * The load driver allows a connection 3 s, as a user expects of a server that is up; this JVM's
   * first gRPC connection (Netty's classes loading, the port proxied by Docker) can take longer on
   * a loaded CI machine, so one is made here first.
   */
  private static void awaitGrpcReady(Duration timeout) throws InterruptedException {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(
                server.getHost(), server.getMappedPort(BlazeBenchImage.GRPC_PORT))
            .usePlaintext()
            .build();
    try {
      long deadlineNanos = System.nanoTime() + timeout.toNanos();
      ConnectivityState state = channel.getState(true);
      while (state != ConnectivityState.READY) {
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new IllegalStateException(
              "the container's gRPC port did not connect within " + timeout + " (" + state + ")");
        }
        Thread.sleep(100);
        state = channel.getState(true);
      }
    } finally {
      channel.shutdownNow();
    }
  }

  @BeforeEach
  void requireImage() {
    BlazeBenchImage.assumeAvailable();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"blaze, 50051", "proto, 50051", "rest, 8080"})
  void fetchThousandAnswersEveryCallWithAThousandRecords(
      String scheme, int containerPort, @TempDir Path runDir) throws Exception {
    Target target =
        Target.parse(scheme + "://" + server.getHost() + ":" + server.getMappedPort(containerPort));
    LoadProfile profile =
        LoadProfile.constantRate(10, Duration.ofSeconds(3)).withWarmup(Duration.ofSeconds(1));
    DriverConfig config =
        new DriverConfig(
            profile,
            16,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            DriverConfig.DEFAULT_INTERVAL);
    LoadRunOptions options =
        new LoadRunOptions(
            target, null, "fetch-1000", ScenarioOptions.DEFAULTS, config, 2, runDir, null);

    StringWriter progress = new StringWriter();
    StringWriter summary = new StringWriter();
    LoadRun.Outcome outcome =
        LoadRun.execute(options, new PrintWriter(progress, true), new PrintWriter(summary, true));

    assertThat(outcome.interrupted()).isFalse();
    assertThat(outcome.failedCalls()).as("failed calls; progress:%n%s", progress).isZero();
    Path resultsFile = runDir.resolve("results.json");
    assertThat(resultsFile).exists();
    LoadResults written = ResultsJson.read(resultsFile);
    assertThat(written.results()).hasSize(1);
    ScenarioResult result = written.results().get(0);
    assertThat(result.scenario()).isEqualTo("fetch-1000");
    assertThat(result.operations()).isNotEmpty();
    long answered = 0;
    for (OperationResult operation : result.operations()) {
      assertThat(operation.errorCount()).as(operation.operation()).isZero();
      assertThat(operation.recordsReceived())
          .as("records received by %s", operation.operation())
          .isEqualTo(operation.count() * RECORDS_PER_FETCH);
      answered += operation.count();
    }
    assertThat(answered).as("calls answered in the measured part").isPositive();
    try (var files = Files.list(runDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".hlog"));
    }
  }
}
