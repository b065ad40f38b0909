package dev.blazebench.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.Driver;
import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.realtime.ChangeSink;
import dev.blazebench.load.realtime.ObservedChange;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.record.IntervalSink;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.run.Catalogue;
import dev.blazebench.load.run.Target;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realtime scenario, end to end through the real driver against a real reference server: every
 * write reaches every subscriber of every API once, and a subscriber that loses or repeats a change
 * is caught. Counts only, never timings.
 */
class RealtimeRunTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** 20 writes/s, 0.5 s warm-up, 1 s measured: writes 10..29 are measured, 20 of them. */
  private static final int MEASURED_WRITES = 20;

  private static ReferenceServer server;

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

  private static String freshCollection() {
    return "rt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static LoadClient writer() throws InterruptedException {
    LoadClient writer =
        Catalogue.openApi(
            "grpc-blazebinary", Target.parse("blaze://127.0.0.1:" + server.grpcPort()), 1);
    writer.awaitReady(10_000);
    return writer;
  }

  private static SubscriberApi subscribers(String scheme, Duration pollInterval, int count)
      throws InterruptedException {
    String api = Target.parse(scheme + "://h:1").api();
    if (scheme.equals("rest-poll")) {
      api = Target.pollingApi(pollInterval);
    }
    int port =
        scheme.equals("ws") || scheme.equals("rest-poll") ? server.httpPort() : server.grpcPort();
    SubscriberApi subscribers =
        Catalogue.openSubscribers(
            api, Target.parse(scheme + "://127.0.0.1:" + port), count, pollInterval);
    subscribers.awaitReady(10_000);
    return subscribers;
  }

  /** Prepares and runs {@code scenario} at 20 writes/s for 0.5 s warm-up and 1 s measured. */
  private static RunRecording run(Realtime scenario, Duration pollInterval) throws Exception {
    List<String> progress = new ArrayList<>();
    scenario.prepare(DEADLINE, progress::add);
    DriverConfig config =
        new DriverConfig(
            LoadProfile.constantRate(20, Duration.ofSeconds(1)).withWarmup(Duration.ofMillis(500)),
            64,
            DEADLINE,
            DEADLINE.plus(pollInterval),
            DriverConfig.DEFAULT_INTERVAL);
    return Driver.create(config, scenario, epochMillis -> IntervalSink.NONE).run(System.nanoTime());
  }

  /**
   * Writes of the measured part that were sent: on a loaded machine the dispatcher may wake after
   * the end for the last one, which the driver then counts as scheduled but not sent.
   */
  private static long measuredWrites(RunRecording recording) {
    return MEASURED_WRITES - recording.scheduledNotSent();
  }

  private static OperationTotals delivery(RunRecording recording) {
    assertThat(recording.operations()).hasSize(1);
    OperationTotals delivery = recording.operations().get(0);
    assertThat(delivery.operationName()).isEqualTo("delivery");
    return delivery;
  }

  @Test
  void everyWriteReachesEverySubscriberOfEveryApiOnce() throws Exception {
    record Case(String scheme, Duration pollInterval) {}
    for (Case c :
        List.of(
            new Case("blaze", Duration.ZERO),
            new Case("blaze-native", Duration.ZERO),
            new Case("proto", Duration.ZERO),
            new Case("ws", Duration.ZERO),
            new Case("rest-poll", Duration.ofMillis(200)))) {
      try (LoadClient writer = writer();
          SubscriberApi subscribers = subscribers(c.scheme(), c.pollInterval(), 2);
          Realtime scenario =
              new Realtime(writer, subscribers, freshCollection(), 2, c.pollInterval())) {
        RunRecording recording = run(scenario, c.pollInterval());

        OperationTotals delivery = delivery(recording);
        assumeTrue(measuredWrites(recording) > 0, "no write sent: the machine was too busy");
        assertThat(recording.firstErrors()).as(c.scheme()).isEmpty();
        assertThat(delivery.errorCount()).as(c.scheme()).isZero();
        assertThat(delivery.successes()).as(c.scheme()).isEqualTo(2 * measuredWrites(recording));
        assertThat(delivery.recordsReceived()).isEqualTo(2 * measuredWrites(recording));
        assertThat(delivery.payloadBytesReceived()).isPositive();
        assertThat(recording.warmupOperations().get(0).successes()).isEqualTo(2L * 10);
        assertThat(recording.wireBytes().receivedBytes()).as(c.scheme()).isPositive();
        assertThat(scenario.pendingDeliveries()).isZero();
        assertThat(recording.api()).isEqualTo(subscribers.name());
      }
    }
  }

  /**
   * A subscriber API that passes changes through {@code filter} on their way to the scenario: a
   * stand-in for a broken server or client, in front of the real one.
   */
  private record Filtered(SubscriberApi real, UnaryOperator<List<ObservedChange>> filter)
      implements SubscriberApi {

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public AutoCloseable subscribe(String collection, ChangeSink sink) {
      return real.subscribe(
          collection,
          new ChangeSink() {
            @Override
            public void onChanges(
                List<ObservedChange> changes, long receivedNanos, long payloadBytes) {
              sink.onChanges(filter.apply(changes), receivedNanos, payloadBytes);
            }

            @Override
            public void onEnd(Throwable cause) {
              sink.onEnd(cause);
            }
          });
    }

    @Override
    public void awaitReady(long timeoutMillis) throws InterruptedException {
      real.awaitReady(timeoutMillis);
    }

    @Override
    public OpOutcome classify(Throwable error) {
      return real.classify(error);
    }

    @Override
    public WireCounter wireCounter() {
      return real.wireCounter();
    }

    @Override
    public void close() {
      real.close();
    }
  }

  /** Write 15 (measured) of the run; the filter recognises it by its marker's number. */
  private static final Pattern WRITE_15 = Pattern.compile("rt [a-z0-9]+ #15");

  private static boolean isWrite15(ObservedChange change) {
    return change.title() != null && WRITE_15.matcher(change.title()).matches();
  }

  @Test
  void aLostUpdateIsAValidationErrorOfThatSubscriber() throws Exception {
    try (LoadClient writer = writer();
        SubscriberApi real = subscribers("ws", Duration.ZERO, 1);
        Realtime scenario =
            new Realtime(
                writer,
                new Filtered(
                    real,
                    changes -> changes.stream().filter(change -> !isWrite15(change)).toList()),
                freshCollection(),
                1,
                Duration.ZERO)) {
      RunRecording recording = run(scenario, Duration.ZERO);

      OperationTotals delivery = delivery(recording);
      assumeTrue(
          recording.scheduledNotSent() <= 10, "writes 15..19 not sent: the machine was too busy");
      String errors = recording.firstErrors().toString();
      assertThat(delivery.errorsByClass().get(ErrorClass.VALIDATION)).as(errors).isEqualTo(1);
      assertThat(delivery.errorCount()).as(errors).isEqualTo(1);
      assertThat(delivery.successes()).isEqualTo(measuredWrites(recording) - 1);
      // Which later write shows the loss depends on when the writer heard write 15's answer.
      assertThat(recording.firstErrors())
          .singleElement()
          .asString()
          .contains("subscriber 0 missed write 15: write ")
          .contains(", sent after it was acknowledged, arrived first");
    }
  }

  @Test
  void aRepeatedUpdateIsAValidationErrorToo() throws Exception {
    try (LoadClient writer = writer();
        SubscriberApi real = subscribers("blaze", Duration.ZERO, 1);
        Realtime scenario =
            new Realtime(
                writer,
                new Filtered(
                    real,
                    changes -> {
                      List<ObservedChange> twice = new ArrayList<>(changes);
                      changes.stream().filter(RealtimeRunTest::isWrite15).forEach(twice::add);
                      return twice;
                    }),
                freshCollection(),
                1,
                Duration.ZERO)) {
      RunRecording recording = run(scenario, Duration.ZERO);

      OperationTotals delivery = delivery(recording);
      assumeTrue(
          recording.scheduledNotSent() <= 10, "writes 15..19 not sent: the machine was too busy");
      String errors = recording.firstErrors().toString();
      assertThat(delivery.successes()).as(errors).isEqualTo(measuredWrites(recording));
      assertThat(delivery.errorsByClass().get(ErrorClass.VALIDATION)).as(errors).isEqualTo(1);
      assertThat(delivery.errorCount()).as(errors).isEqualTo(1);
      assertThat(recording.firstErrors()).singleElement().asString().contains("arrived twice");
    }
  }

  @Test
  void aWriteNeverDeliveredFailsAtTheEndOfTheDrain() throws Exception {
    // The last measured write is lost and no later write shows it: it is owed until the drain
    // ends (the drain is shorter than the delivery deadline here), then counted unfinished.
    Pattern write29 = Pattern.compile("rt [a-z0-9]+ #29");
    try (LoadClient writer = writer();
        SubscriberApi real = subscribers("proto", Duration.ZERO, 1);
        Realtime scenario =
            new Realtime(
                writer,
                new Filtered(
                    real,
                    changes ->
                        changes.stream()
                            .filter(
                                change ->
                                    change.title() == null
                                        || !write29.matcher(change.title()).matches())
                            .toList()),
                freshCollection(),
                1,
                Duration.ZERO)) {
      scenario.prepare(DEADLINE, line -> {});
      DriverConfig config =
          new DriverConfig(
              LoadProfile.constantRate(20, Duration.ofSeconds(1))
                  .withWarmup(Duration.ofMillis(500)),
              64,
              DEADLINE,
              Duration.ofMillis(500),
              DriverConfig.DEFAULT_INTERVAL);
      RunRecording recording =
          Driver.create(config, scenario, epochMillis -> IntervalSink.NONE).run(System.nanoTime());

      OperationTotals delivery = delivery(recording);
      assumeTrue(
          recording.scheduledNotSent() == 0, "write 29 was not sent: the machine was too busy");
      String errors = recording.firstErrors().toString();
      assertThat(delivery.successes()).as(errors).isEqualTo(MEASURED_WRITES - 1);
      assertThat(delivery.unfinishedAtEnd()).as(errors).isEqualTo(1);
      assertThat(delivery.errorsByClass().get(ErrorClass.DEADLINE)).isEqualTo(1);
    }
  }
}
