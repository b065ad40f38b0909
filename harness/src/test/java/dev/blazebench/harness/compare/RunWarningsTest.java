package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunWarning;
import dev.blazebench.reports.model.TotalResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The noisy-rounds rule and the machine-busy warning on known inputs. */
class RunWarningsTest {

  private static List<RoundResult> roundsWithP50(long... p50s) {
    List<RoundResult> rounds = new ArrayList<>();
    for (int i = 0; i < p50s.length; i++) {
      rounds.add(
          new RoundResult(
              i + 1,
              Instant.EPOCH,
              "r",
              1,
              p50s[i] == 0 ? 0 : 10,
              0,
              10,
              p50s[i],
              p50s[i],
              p50s[i],
              p50s[i],
              p50s[i],
              p50s[i],
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              false));
    }
    return rounds;
  }

  @Test
  void theCoefficientOfVariationUsesTheSampleStandardDeviation() {
    // mean 100, sample sd 10: 10%.
    assertThat(RunWarnings.p50VariationPercent(roundsWithP50(90, 100, 110))).isEqualTo(10.0);
    // mean 150, sample sd 70.71: 47.1%.
    assertThat(RunWarnings.p50VariationPercent(roundsWithP50(100, 200)))
        .isCloseTo(47.14, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void roundsWithoutSuccessesAndSingleRoundsGiveNoVariation() {
    assertThat(RunWarnings.p50VariationPercent(roundsWithP50(100))).isNull();
    assertThat(RunWarnings.p50VariationPercent(roundsWithP50(0, 100))).isNull();
    assertThat(RunWarnings.p50VariationPercent(roundsWithP50(100, 0, 100))).isZero();
  }

  private static ApiScenarioResult failing(String operation, long errors) {
    Map<String, Long> byClass = new LinkedHashMap<>();
    byClass.put("DEADLINE", errors);
    Latency empty = Latency.of(new Histogram(3));
    TotalResult total =
        new TotalResult(
            2, 10, errors, byClass, 5, empty, empty, null, null, null, null, null, null, null, null,
            null);
    return new ApiScenarioResult(
        "rest-json-gzip", "aggregate", operation, roundsWithP50(0), total, List.of());
  }

  @Test
  void aScenarioWithSeveralOperationsNamesTheOperationInItsWarnings() {
    RunWarnings warnings = new RunWarnings();

    warnings.results(List.of(failing("aggregate", 2), failing("download-count", 3)));

    assertThat(warnings.list())
        .extracting(RunWarning::message)
        .anyMatch(m -> m.startsWith("rest-json-gzip aggregate aggregate: 2 of 12 calls failed"))
        .anyMatch(m -> m.startsWith("rest-json-gzip aggregate download-count: 3 of 13 calls"));
  }

  @Test
  void aBusyMachineIsNamedWithItsLoadAverage() {
    RunWarnings quiet = new RunWarnings();
    RunWarnings busy = new RunWarnings();

    quiet.machineLoad(0.4, 2);
    busy.machineLoad(3.5, 2);

    assertThat(quiet.list()).isEmpty();
    assertThat(busy.list())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("machine-busy");
              assertThat(w.message()).contains("load average was 3.50 on 2 cores");
            });
  }
}
