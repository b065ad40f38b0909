package dev.blazebench.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.testing.Drivers;
import dev.blazebench.load.testing.FakeServer;
import dev.blazebench.load.testing.ManualClock;
import dev.blazebench.load.testing.TestScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DriverOpenModelTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long START = 7 * S; // not 0, so offsets are really added

  private final ManualClock clock = new ManualClock(0);

  @Test
  void sendsEachOperationAtItsIntendedStart() {
    FakeServer server = new FakeServer(clock, MS);
    List<Long> sendTimes = new ArrayList<>();
    TestScenario scenario =
        new TestScenario(
            "op",
            iteration ->
                deadline -> {
                  sendTimes.add(clock.nanoTime());
                  return server.call(OpOutcome.ok(10, 20)).start(deadline);
                });
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(100, Duration.ofSeconds(1)), 16, Duration.ofSeconds(5));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(START);

    assertThat(sendTimes).hasSize(100);
    for (int n = 0; n < 100; n++) {
      assertThat(sendTimes.get(n)).isEqualTo(START + n * 10 * MS);
    }
    OperationTotals op = run.operations().get(0);
    assertThat(op.successes()).isEqualTo(100);
    assertThat(op.errorCount()).isZero();
    assertThat(op.corrected().getTotalCount()).isEqualTo(100);
    assertThat(op.corrected().getMaxValue()).isEqualTo(op.corrected().highestEquivalentValue(1000));
    assertThat(op.payloadBytesSent()).isEqualTo(1000);
    assertThat(op.payloadBytesReceived()).isEqualTo(2000);
    assertThat(op.delayedByInFlightCap()).isZero();
    assertThat(run.scheduledNotSent()).isZero();
    assertThat(run.injector().dispatchLag().getTotalCount()).isEqualTo(100);
    assertThat(run.injector().dispatchLag().getMaxValue()).isZero();
    assertThat(run.injector().verdict().saturated()).isFalse();
  }

  /**
   * The coordinated-omission case: one connection (max in flight 1), 100/s, 1 ms service time, and
   * a server that stalls from 1 s to 2 s. Operations due during the stall wait for the slot;
   * measured from their intended start they show the stall (992 ms down to 2 ms), while their
   * service time, measured from the actual send, stays 1 ms.
   */
  @Test
  void stallShowsInCorrectedLatencyButNotInUncorrected() {
    FakeServer server = new FakeServer(clock, MS).stall(START + S, START + 2 * S);
    TestScenario scenario = new TestScenario("op", iteration -> server.call(OpOutcome.ok(1, 1)));
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(100, Duration.ofSeconds(3)), 1, Duration.ofSeconds(5));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(START);

    // Op 100 (due 1.000 s) is answered at 2.001 s. Ops 101..211 were due while it held the only
    // slot; each then goes out as the previous returns, op k at 1900 + k ms, answered 1 ms later,
    // until the backlog is gone (op 212 is due at 2.120 s and goes out on time).
    Histogram expectedCorrected = new Histogram(3);
    Histogram expectedUncorrected = new Histogram(3);
    for (int k = 0; k < 300; k++) {
      if (k == 100) {
        expectedCorrected.recordValue(1_001_000);
        expectedUncorrected.recordValue(1_001_000);
      } else if (k > 100 && k <= 211) {
        expectedCorrected.recordValue((1901 - 9L * k) * 1000);
        expectedUncorrected.recordValue(1000);
      } else {
        expectedCorrected.recordValue(1000);
        expectedUncorrected.recordValue(1000);
      }
    }
    OperationTotals op = run.operations().get(0);
    assertThat(op.corrected()).isEqualTo(expectedCorrected);
    assertThat(op.uncorrected()).isEqualTo(expectedUncorrected);
    assertThat(op.delayedByInFlightCap()).isEqualTo(111);
    // The uncorrected view says p99 is 1 ms; the corrected one shows what users saw.
    assertThat(op.uncorrected().getValueAtPercentile(99)).isEqualTo(1000);
    assertThat(op.corrected().getValueAtPercentile(90)).isGreaterThan(500_000);
    assertThat(op.corrected().getCountBetweenValues(500_000, 2_000_000)).isEqualTo(56);
    // Only on-time dispatches measure the injector: they all went out exactly on schedule.
    assertThat(run.injector().dispatchLag().getTotalCount()).isEqualTo(300 - 111);
    assertThat(run.injector().dispatchLag().getMaxValue()).isZero();
  }

  @Test
  void operationsStillWaitingForASlotWhenTheRunEndsAreCountedAsNotSent() {
    // One slot, a server that never answers after 0.5 s: the rest of the schedule cannot go out.
    FakeServer server = new FakeServer(clock, MS).stall(START + S / 2, Long.MAX_VALUE - S);
    TestScenario scenario = new TestScenario("op", iteration -> server.call(OpOutcome.ok(1, 1)));
    DriverConfig config =
        new DriverConfig(
            LoadProfile.constantRate(100, Duration.ofSeconds(2)),
            1,
            Duration.ofMillis(300),
            Duration.ofMillis(400),
            Duration.ofSeconds(1));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(START);

    OperationTotals op = run.operations().get(0);
    assertThat(op.successes()).isEqualTo(50);
    assertThat(op.unfinishedAtEnd()).isEqualTo(1);
    assertThat(op.errorsByClass().get(ErrorClass.DEADLINE)).isEqualTo(1);
    assertThat(run.scheduledNotSent()).isEqualTo(149);
    assertThat(op.delayedByInFlightCap()).isZero(); // none of those was ever sent
    // The run ends on time: measured part + drain, whatever the server does.
    assertThat(clock.nanoTime()).isEqualTo(START + 2 * S + 400 * MS);
    assertThat(run.drainNanos()).isEqualTo(400 * MS);
  }

  @Test
  void warmupIsRecordedApartAndLeftOutOfTheMeasuredPart() {
    ManualClock c = clock;
    TestScenario scenario =
        new TestScenario(
            "op",
            iteration -> {
              // Slow while warming up (a cold JIT), fast after.
              long service = iteration.isWarmup() ? 50 * MS : MS;
              return new FakeServer(c, service).call(OpOutcome.ok(1, 1));
            });
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(100, Duration.ofSeconds(2)).withWarmup(Duration.ofSeconds(1)),
            64,
            Duration.ofSeconds(5));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(START);

    OperationTotals measured = run.operations().get(0);
    OperationTotals warmup = run.warmupOperations().get(0);
    assertThat(warmup.successes()).isEqualTo(100);
    assertThat(warmup.corrected().getMinValue())
        .isEqualTo(warmup.corrected().lowestEquivalentValue(50_000));
    assertThat(measured.successes()).isEqualTo(200);
    assertThat(measured.corrected().getMaxValue())
        .isEqualTo(measured.corrected().highestEquivalentValue(1000));
    assertThat(run.measuredNanos()).isEqualTo(2 * S);
    assertThat(run.measuredStartEpochMillis())
        .isEqualTo(Drivers.WALL_START.toEpochMilli()); // the fixed test wall clock
  }

  @Test
  void intervalsCountWhatEachSecondAnsweredAndAddUpToTheTotals() {
    FakeServer server = new FakeServer(clock, MS);
    TestScenario scenario = new TestScenario("op", iteration -> server.call(OpOutcome.ok(1, 1)));
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(50, Duration.ofSeconds(3)), 8, Duration.ofSeconds(1));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(START);

    List<IntervalCount> intervals = run.intervals().get("op");
    assertThat(intervals).extracting(IntervalCount::startSec).startsWith(0.0, 1.0, 2.0);
    assertThat(intervals.subList(0, 3)).extracting(IntervalCount::successes).containsOnly(50L);
    assertThat(intervals.stream().mapToLong(IntervalCount::successes).sum()).isEqualTo(150);
    assertThat(run.injectorIntervals()).hasSameSizeAs(intervals);
  }
}
