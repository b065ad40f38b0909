package dev.blazebench.load.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void constantRateDuesOperationNAtNTimesTheInterval() {
    Schedule schedule = LoadProfile.constantRate(200, Duration.ofSeconds(1)).schedule();
    for (long n = 0; n < 200; n++) {
      assertThat(schedule.intendedStartNanos(n)).isEqualTo(n * 5 * MS);
    }
    assertThat(schedule.intendedStartNanos(200)).isEqualTo(Schedule.END);
  }

  @Test
  void constantRateThatDoesNotDivideASecondRoundsToTheNearestNanosecond() {
    Schedule schedule = LoadProfile.constantRate(3, Duration.ofSeconds(2)).schedule();
    assertThat(schedule.intendedStartNanos(1)).isEqualTo(333_333_333L);
    assertThat(schedule.intendedStartNanos(2)).isEqualTo(666_666_667L);
    assertThat(schedule.intendedStartNanos(5)).isEqualTo(1_666_666_667L);
    assertThat(schedule.intendedStartNanos(6)).isEqualTo(Schedule.END);
  }

  @Test
  void rampFromZeroDuesOperationsAtTheSquareRootOfTheirShareOfTheArea() {
    // 0 -> 100/s over 10 s: n operations are due by t where 5 t^2 = n.
    Schedule schedule =
        LoadProfile.open(List.of(RateSegment.ramp(0, 100, Duration.ofSeconds(10)))).schedule();
    assertThat(schedule.intendedStartNanos(0)).isZero();
    assertThat(schedule.intendedStartNanos(5)).isEqualTo(S);
    assertThat(schedule.intendedStartNanos(20)).isEqualTo(2 * S);
    assertThat(schedule.intendedStartNanos(125)).isEqualTo(5 * S);
    assertThat(schedule.intendedStartNanos(499))
        .isCloseTo(Math.round(Math.sqrt(499 / 5.0) * 1e9), within(1L));
    assertThat(schedule.intendedStartNanos(500)).isEqualTo(Schedule.END);
  }

  @Test
  void rampDownSlowsTheArrivals() {
    // 100 -> 0/s over 2 s: 100 t - 25 t^2 operations due by t; 75 by 1 s, 100 in all.
    Schedule schedule =
        LoadProfile.open(List.of(RateSegment.ramp(100, 0, Duration.ofSeconds(2)))).schedule();
    assertThat(schedule.intendedStartNanos(75)).isEqualTo(S);
    assertThat(schedule.intendedStartNanos(1))
        .isCloseTo(Math.round((2 - Math.sqrt(4 - 0.04)) * 1e9), within(1L));
    assertThat(schedule.intendedStartNanos(99)).isLessThan(2 * S);
    assertThat(schedule.intendedStartNanos(100)).isEqualTo(Schedule.END);
  }

  @Test
  void stepsChangeTheIntervalAtEachStepBoundary() {
    Schedule schedule =
        LoadProfile.open(
                List.of(
                    RateSegment.constant(100, Duration.ofSeconds(1)),
                    RateSegment.constant(200, Duration.ofSeconds(1))))
            .schedule();
    assertThat(schedule.intendedStartNanos(99)).isEqualTo(990 * MS);
    assertThat(schedule.intendedStartNanos(100)).isEqualTo(S);
    assertThat(schedule.intendedStartNanos(101)).isEqualTo(S + 5 * MS);
    assertThat(schedule.intendedStartNanos(299)).isEqualTo(S + 995 * MS);
    assertThat(schedule.intendedStartNanos(300)).isEqualTo(Schedule.END);
  }

  @Test
  void aZeroRateStepIsAPause() {
    Schedule schedule =
        LoadProfile.open(
                List.of(
                    RateSegment.constant(10, Duration.ofSeconds(1)),
                    RateSegment.constant(0, Duration.ofSeconds(1)),
                    RateSegment.constant(10, Duration.ofSeconds(1))))
            .schedule();
    assertThat(schedule.intendedStartNanos(9)).isEqualTo(900 * MS);
    assertThat(schedule.intendedStartNanos(10)).isEqualTo(2 * S);
    assertThat(schedule.intendedStartNanos(20)).isEqualTo(Schedule.END);
  }

  @Test
  void warmupRunsAtTheStartingRateBeforeTheMeasuredPart() {
    LoadProfile profile =
        LoadProfile.open(List.of(RateSegment.ramp(100, 300, Duration.ofSeconds(2))))
            .withWarmup(Duration.ofSeconds(1));
    Schedule schedule = profile.schedule();
    assertThat(schedule.warmupNanos()).isEqualTo(S);
    assertThat(schedule.endNanos()).isEqualTo(3 * S);
    assertThat(schedule.intendedStartNanos(99)).isEqualTo(990 * MS);
    assertThat(schedule.intendedStartNanos(100)).isEqualTo(S); // first measured operation
    assertThat(schedule.intendedStartNanos(500)).isEqualTo(Schedule.END); // 100 + 400
    assertThat(profile.targetRps()).isEqualTo(200.0);
  }

  @Test
  void readingBackwardsGivesTheSameTimes() {
    Schedule schedule =
        LoadProfile.open(
                List.of(
                    RateSegment.constant(100, Duration.ofSeconds(1)),
                    RateSegment.constant(200, Duration.ofSeconds(1))))
            .schedule();
    long late = schedule.intendedStartNanos(250);
    assertThat(schedule.intendedStartNanos(3)).isEqualTo(30 * MS);
    assertThat(schedule.intendedStartNanos(250)).isEqualTo(late);
  }

  @Test
  void closedProfileHasNoScheduleAndSaysSo() {
    LoadProfile closed = LoadProfile.closed(8, Duration.ofSeconds(5));
    assertThat(closed.model()).isEqualTo(LoadModel.CLOSED);
    assertThat(closed.describe()).isEqualTo("closed model: 8 in flight for 5s");
    assertThat(closed.targetRps()).isNaN();
    assertThatThrownBy(closed::schedule).hasMessageContaining("closed model has no schedule");
  }

  @Test
  void describeNamesTheModelAndEverySegment() {
    LoadProfile profile =
        LoadProfile.open(
                List.of(
                    RateSegment.constant(200, Duration.ofSeconds(30)),
                    RateSegment.ramp(200, 1500, Duration.ofMillis(2500))))
            .withWarmup(Duration.ofSeconds(10));
    assertThat(profile.describe())
        .isEqualTo("open model: 200/s for 30s, then 200/s to 1500/s over 2.5s, after 10s warm-up");
  }

  @Test
  void badArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> RateSegment.constant(-1, Duration.ofSeconds(1)))
        .hasMessageContaining("fromRps");
    assertThatThrownBy(() -> RateSegment.constant(1, Duration.ZERO))
        .hasMessageContaining("durationNanos must be positive");
    assertThatThrownBy(() -> LoadProfile.closed(0, Duration.ofSeconds(1)))
        .hasMessageContaining("inFlight");
    assertThatThrownBy(() -> LoadProfile.open(List.of())).hasMessageContaining("segments");
  }
}
