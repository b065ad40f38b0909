package dev.blazebench.load.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.testing.SampleRuns;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  @Test
  void summarisesLatencyErrorsWarmupAndVerdict() {
    String summary = ConsoleSummary.render(SampleRuns.results());

    assertThat(summary)
        .startsWith(
            "open model against blaze://127.0.0.1:50051: open model: 20/s for 2s, after 1s"
                + " warm-up\n");
    assertThat(summary.lines())
        .anyMatch(
            line ->
                line.matches(
                    "test-api\\s+test-scenario\\s+query\\s+33\\s+7\\s+16\\.5\\s+4\\.001\\s+7\\.003.*"));
    assertThat(summary).contains("query: errors: STATUS {14=4} 4, VALIDATION 3\n");
    assertThat(summary).contains("warm-up: 1 s, 20 calls, excluded\n");
    assertThat(summary).contains("injector: ok (CPU 0% of 2 cores, dispatch lag p99 0.000 ms)\n");
  }
}
