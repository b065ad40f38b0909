package dev.blazebench.load.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.testing.Drivers;
import dev.blazebench.load.testing.FakeServer;
import dev.blazebench.load.testing.ManualClock;
import dev.blazebench.load.testing.TestScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlogFilesTest {

  @TempDir Path dir;

  @Test
  void intervalLogsAddUpToTheRunsTotalsPerTag() throws Exception {
    ManualClock clock = new ManualClock(0);
    FakeServer server = new FakeServer(clock, 2_000_000);
    TestScenario scenario =
        new TestScenario(
            "fetch",
            iteration ->
                server.call(
                    iteration.index() % 9 == 0
                        ? OpOutcome.status(13, "internal")
                        : OpOutcome.ok(10, 10)));
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(100, Duration.ofMillis(3500)), 8, Duration.ofSeconds(1));

    RunRecording run =
        Drivers.onManualClock(
                config,
                scenario,
                clock,
                epochMillis ->
                    new HlogFiles(dir, "grpc-native", "fetch-1000", List.of("fetch"), epochMillis))
            .run(0);

    Path log = dir.resolve("grpc-native-fetch-1000-fetch.hlog");
    Map<String, Histogram> sums = new HashMap<>();
    int intervals = 0;
    try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        Histogram h = (Histogram) next;
        sums.computeIfAbsent(h.getTag(), tag -> new Histogram(3)).add(h);
        intervals++;
      }
      assertThat(reader.getStartTimeSec()).isEqualTo(Drivers.WALL_START.getEpochSecond());
    }
    OperationTotals totals = run.operations().get(0);
    assertThat(intervals).isEqualTo(3 * 4); // 3 tags x (3 whole seconds + the last half)
    assertThat(sums.get(HlogFiles.CORRECTED)).isEqualTo(totals.corrected());
    assertThat(sums.get(HlogFiles.UNCORRECTED)).isEqualTo(totals.uncorrected());
    assertThat(sums.get(HlogFiles.ERRORS)).isEqualTo(totals.errors());
    assertThat(totals.errors().getTotalCount()).isEqualTo(39);
  }

  @Test
  void verdictNamesEachThresholdCrossed() {
    assertThat(InjectorTotals.Verdict.judge(0.5, 200).saturated()).isFalse();
    InjectorTotals.Verdict busy = InjectorTotals.Verdict.judge(0.95, 6_000);
    assertThat(busy.label()).isEqualTo("injector saturated");
    assertThat(busy.reasons())
        .containsExactly(
            "injector CPU 95% of all cores (limit 90%)",
            "dispatch lag p99 6000 us behind schedule (limit 5000 us)");
    assertThat(InjectorTotals.Verdict.judge(Double.NaN, 0).saturated()).isFalse();
  }
}
