package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.testing.SyntheticRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  /**
   * Runs over a shaped link last at least ten calls, and polled runs whole poll intervals, so a
   * round can be longer than settings' roundDurationSec: the timeline must not fold the rounds onto
   * each other.
   */
  @Test
  void roundsLongerThanTheSettingsSayAreLaidEndToEndByTheirOwnLength() {
    RunResults run = SyntheticRun.build(); // every round 5 s, and the settings say so
    Settings s = run.settings();
    RunResults saysOneSecond =
        RunResults.of(
            run.environment(),
            new Settings(
                s.profile(),
                s.rounds(),
                s.apis(),
                s.scenarios(),
                s.referenceApi(),
                1.0,
                s.warmupSec(),
                s.warmupRoundSec(),
                s.load(),
                s.codec()),
            run.warnings(),
            run.results(),
            run.codec());

    assertThat(timelineX(saysOneSecond, "Throughput over time, fetch-1000"))
        .isEqualTo(timelineX(run, "Throughput over time, fetch-1000"))
        .last()
        .isEqualTo(3 * 5.0); // three rounds of 5 s, not 2 × 1 s + 5 s
  }

  private static List<Double> timelineX(RunResults run, String titleStart) {
    return Charts.of(run).stream()
        .filter(chart -> chart.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow()
        .x();
  }
}
