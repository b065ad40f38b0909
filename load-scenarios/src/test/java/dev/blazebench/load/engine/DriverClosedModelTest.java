package dev.blazebench.load.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.load.profile.LoadModel;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.record.IntervalSink;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.testing.Drivers;
import dev.blazebench.load.testing.ManualClock;
import dev.blazebench.load.testing.TestScenario;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DriverClosedModelTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final ManualClock clock = new ManualClock(3 * S);

  @Test
  void keepsExactlyNInFlightAndLabelsTheRunClosed() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    TestScenario scenario =
        new TestScenario(
            "op",
            iteration ->
                deadline -> {
                  maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  CompletableFuture<OpOutcome> answer = new CompletableFuture<>();
                  clock.schedule(
                      clock.nanoTime() + 10 * MS,
                      () -> {
                        inFlight.decrementAndGet();
                        answer.complete(OpOutcome.ok(1, 1));
                      });
                  return answer;
                });
    LoadProfile profile = LoadProfile.closed(4, Duration.ofSeconds(1));
    DriverConfig config = DriverConfig.of(profile, 4, Duration.ofSeconds(1));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(clock.nanoTime());

    assertThat(run.config().profile().model()).isEqualTo(LoadModel.CLOSED);
    assertThat(run.config().profile().model().label()).isEqualTo("closed model");
    assertThat(maxSeen.get()).isEqualTo(4);
    OperationTotals op = run.operations().get(0);
    // 4 in flight, 10 ms each, for 1 s: 100 rounds of 4.
    assertThat(op.successes()).isEqualTo(400);
    // Each starts the moment a slot frees, so there is no queueing delay to correct.
    assertThat(op.corrected()).isEqualTo(op.uncorrected());
    assertThat(op.delayedByInFlightCap()).isZero();
    assertThat(run.injector().dispatchLag().getTotalCount()).isZero();
  }

  /**
   * On real threads: the thread that completes an iteration starts the next one (no hand-off to the
   * dispatcher per call), and the in-flight count still never exceeds N.
   */
  @Test
  void theCompletingThreadStartsTheNextIterationAndNeverExceedsN() throws Exception {
    ScheduledExecutorService server = Executors.newScheduledThreadPool(2);
    try {
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger maxSeen = new AtomicInteger();
      AtomicInteger startedOnServerThreads = new AtomicInteger();
      AtomicInteger started = new AtomicInteger();
      Thread dispatcher = Thread.currentThread();
      TestScenario scenario =
          new TestScenario(
              "op",
              iteration ->
                  deadline -> {
                    started.incrementAndGet();
                    if (Thread.currentThread() != dispatcher) {
                      startedOnServerThreads.incrementAndGet();
                    }
                    maxSeen.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    CompletableFuture<OpOutcome> answer = new CompletableFuture<>();
                    server.schedule(
                        () -> {
                          inFlight.decrementAndGet();
                          answer.complete(OpOutcome.ok(1, 1));
                        },
                        200,
                        TimeUnit.MICROSECONDS);
                    return answer;
                  });
      DriverConfig config =
          DriverConfig.of(LoadProfile.closed(4, Duration.ofMillis(300)), 4, Duration.ofSeconds(1));

      RunRecording run =
          Driver.create(config, scenario, epochMillis -> IntervalSink.NONE).run(System.nanoTime());

      assertThat(maxSeen.get()).isLessThanOrEqualTo(4);
      assertThat(run.operations().get(0).successes()).isPositive();
      assertThat(run.operations().get(0).errorCount()).isZero();
      // The dispatcher starts the first 4 (and refills a slot now and then); the rest start on
      // the threads that completed their predecessors.
      assertThat(startedOnServerThreads.get()).isGreaterThan(started.get() / 2);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void maxInFlightBelowTheClosedCountIsRefused() {
    LoadProfile profile = LoadProfile.closed(8, Duration.ofSeconds(1));
    assertThatThrownBy(() -> DriverConfig.of(profile, 4, Duration.ofSeconds(1)))
        .hasMessageContaining("maxInFlight (4) is below the closed model's in-flight count (8)");
  }
}
