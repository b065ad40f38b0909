package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.reports.model.RunResults;
import org.junit.jupiter.api.Test;

class GateTest {

  private static final GateSettings DEFAULTS = GateSettings.defaults();

  @Test
  void twoRunsOfTheSameSystemPass() {
    RunResults baseline = new GateRuns().seed(1).build();
    RunResults current = new GateRuns().seed(2).build();

    GateReport report = compare(baseline, current);

    assertThat(report.hasRegression()).isFalse();
    // 2 APIs x 2 scenarios x 9 metrics, each once.
    assertThat(report.comparisons()).hasSize(36);
    assertThat(report.comparisons().get(0).id().name())
        .isEqualTo("grpc-blazebinary fetch-1000 query p50Micros");
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void aTwentyPercentSlowdownFailsEveryLatencyAndCpuMetric() {
    RunResults baseline = new GateRuns().seed(1).build();
    RunResults current = new GateRuns().seed(2).latencyFactor(1.2).build();

    GateReport report = compare(baseline, current);

    assertThat(report.regressions())
        .extracting(c -> c.id().metric())
        .containsOnly("p50Micros", "p99Micros", "serverCpuMicrosPerOp", "clientCpuMicrosPerOp")
        .hasSize(16);
  }

  @Test
  void throughputAndBytesRegressOnTheirOwn() {
    RunResults baseline = new GateRuns().seed(1).build();
    RunResults current = new GateRuns().seed(2).throughputFactor(0.8).wireFactor(1.1).build();

    GateReport report = compare(baseline, current);

    assertThat(report.regressions())
        .extracting(c -> c.id().metric())
        .containsOnly("throughputPerSec", "payloadReceivedPerOp", "wireReceivedPerOp")
        .hasSize(12);
  }

  @Test
  void fewRoundsGetANoteSayingTheGateCannotSeeLatency() {
    RunResults baseline = new GateRuns().rounds(3).seed(1).build();
    RunResults current = new GateRuns().rounds(3).seed(2).latencyFactor(1.5).build();

    GateReport report = compare(baseline, current);

    assertThat(report.hasRegression()).isFalse();
    assertThat(report.withVerdict(Verdict.UNCLEAR)).hasSize(16);
    assertThat(report.notes())
        .singleElement()
        .asString()
        .startsWith(
            "With 3 baseline and 3 current rounds the U test cannot give a p-value below 0.01"
                + " after Holm's adjustment over the 20 sampled metrics of this gate run")
        .contains("At least 8 rounds on each side are needed");
  }

  @Test
  void fiveRoundsShowASlowdownPerMetricButNotForTheWholeGateRun() {
    // 5 against 5 rounds, fully apart: p = 2 / C(10, 5) = 0.0079 per metric, below 0.01 alone but
    // 0.16 after Holm's adjustment over the 20 sampled metrics.
    RunResults baseline = new GateRuns().rounds(5).seed(1).build();
    RunResults current = new GateRuns().rounds(5).seed(2).latencyFactor(1.2).build();

    GateReport familyWise = compare(baseline, current);
    GateReport perMetric =
        Gate.compare(
            baseline,
            "base/results.json",
            current,
            "cur/results.json",
            DEFAULTS.withFamilyWise(false));

    assertThat(familyWise.hasRegression()).isFalse();
    assertThat(familyWise.withVerdict(Verdict.UNCLEAR)).hasSize(16);
    assertThat(familyWise.withVerdict(Verdict.UNCLEAR).get(0).reason())
        .contains("p = 0.0079 (Holm-adjusted over 20 metrics: 0.1587) >= 0.01");
    assertThat(familyWise.notes()).singleElement().asString().contains("At least 8 rounds");
    assertThat(perMetric.regressions()).hasSize(16);
    assertThat(perMetric.regressions().get(0).familySize()).isEqualTo(1);
    assertThat(perMetric.notes()).isEmpty();
  }

  @Test
  void differentScenarioSetsCannotBeCompared() {
    RunResults baseline = new GateRuns().scenarios("fetch-1000", "get-one").build();
    RunResults current = new GateRuns().scenarios("fetch-1000", "insert-100").build();

    assertThatThrownBy(() -> compare(baseline, current))
        .isInstanceOf(IncomparableRunsException.class)
        .hasMessage(
            "cur/results.json cannot be compared with the baseline base/results.json: the"
                + " scenarios differ; only in the baseline: get-one; only in the current run:"
                + " insert-100 (gate runs made with the same --scenarios and --apis)");
  }

  @Test
  void differentOfferedLoadCannotBeCompared() {
    RunResults baseline = new GateRuns().targetRps(50).build();
    RunResults current = new GateRuns().targetRps(100).build();

    assertThatThrownBy(() -> compare(baseline, current))
        .isInstanceOf(IncomparableRunsException.class)
        .hasMessageContaining(
            "the load offered in fetch-1000 differs (baseline open model at 50/s, 4 connections,"
                + " max in flight 64, current open model at 100/s");
  }

  @Test
  void roundsNeededForAlphaAreTheFewestThatCanGoBelowIt() {
    assertThat(Gate.roundsNeededFor(0.01, false)).isEqualTo(5);
    assertThat(Gate.roundsNeededFor(0.05, false)).isEqualTo(4);
    assertThat(Gate.roundsNeededFor(0.11, false)).isEqualTo(3);
    // Pairs: 2 / 2^n below alpha. 2/2^8 = 0.0078 < 0.01 <= 2/2^7; 2/2^6 = 0.031 < 0.05.
    assertThat(Gate.roundsNeededFor(0.01, true)).isEqualTo(8);
    assertThat(Gate.roundsNeededFor(0.05, true)).isEqualTo(6);
  }

  private static GateReport compare(RunResults baseline, RunResults current) {
    return Gate.compare(baseline, "base/results.json", current, "cur/results.json", DEFAULTS);
  }
}
