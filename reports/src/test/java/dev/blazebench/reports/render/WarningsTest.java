package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.SyntheticRun;
import dev.blazebench.reports.testing.TinyRun;
import org.junit.jupiter.api.Test;

class WarningsTest {

  @Test
  void aSaturatedInjectorIsNamedWithItsRound() {
    RunResults run =
        new TinyRun().result("fetch-1000", "rest-json", r -> r.saturatedRound(2)).build();

    assertThat(Warnings.of(run))
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("injector-saturated: rest-json fetch-1000 (op), round 2: "));
  }

  @Test
  void roundsThatDisagreeAreCalledNoisy() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.p50Micros(1_000, 1_100, 2_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(1_000, 1_100, 1_200))
            .build();

    assertThat(Warnings.of(run))
        .filteredOn(w -> w.startsWith("noisy-rounds"))
        .containsExactly(
            "noisy-rounds: rest-json fetch-1000 (op): round medians range from 1.0 ms to 2.0 ms"
                + " (100% apart); read its ratios with care.");
  }

  @Test
  void failedCallsAreCountedByClass() {
    RunResults run = new TinyRun().result("insert-100", "rest-json", r -> r.counts(10, 2)).build();

    assertThat(Warnings.of(run))
        .contains(
            "errors: rest-json insert-100 (op): 6 failed calls (OTHER); failures are not in the"
                + " latency figures.");
  }

  @Test
  void unpinnedProcessesAreSaidToShareTheCoresOnce() {
    assertThat(Warnings.of(new TinyRun().result("fetch-1000", "rest-json", r -> {}).build()))
        .filteredOn(w -> w.startsWith("cores-shared"))
        .hasSize(1);
    // The synthetic run says so itself; the report does not say it twice.
    assertThat(Warnings.of(SyntheticRun.build()))
        .filteredOn(w -> w.startsWith("cores-shared"))
        .containsExactly(
            "cores-shared: server and driver shared 2 cores (taskset not available): latencies"
                + " include their contention");
  }

  @Test
  void skippedCodecBenchmarksAreAWarning() {
    assertThat(Warnings.of(new TinyRun().result("fetch-1000", "rest-json", r -> {}).build()))
        .anySatisfy(w -> assertThat(w).startsWith("codec-skipped:"));
    assertThat(Warnings.of(SyntheticRun.build()))
        .noneSatisfy(w -> assertThat(w).startsWith("codec-skipped"));
  }
}
