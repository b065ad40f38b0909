package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Synthetic rounds whose answer is known by construction. */
class GateRuleTest {

  private static final GateSettings DEFAULTS = GateSettings.defaults();
  private static final MetricId P50 =
      new MetricId("grpc-blazebinary", "fetch-1000", "query", "p50Micros");

  /** Ten rounds scattered ±2% around 100, in no order. */
  private static final double[] TEN_ROUNDS = {101, 99, 102, 98, 100, 101.5, 98.5, 100.5, 99.5, 100};

  @Test
  void aClearTwentyPercentSlowdownOverTenRoundsIsARegression() {
    MetricComparison c = compareLatency(TEN_ROUNDS, scaled(TEN_ROUNDS, 1.20));

    // Complete separation of 10 and 10: p = 2 / C(20, 10).
    assertThat(c.rankTest().pValue()).isLessThan(1.1e-5);
    assertThat(c.ratio()).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(c.interval().lower()).isGreaterThan(1.05);
    assertThat(c.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(c.reason())
        .startsWith("median +20.0% beyond the 5% threshold, p = 1.1e-05 < 0.01, 99% interval [");
  }

  @Test
  void threeRoundsCannotShowEvenAClearSlowdown() {
    double[] three = {100, 101, 99};

    MetricComparison c = compareLatency(three, scaled(three, 1.5));

    assertThat(c.rankTest().pValue()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(c.verdict()).isEqualTo(Verdict.UNCLEAR);
    assertThat(c.reason())
        .contains("p = 0.1000 >= 0.01 (3 and 3 rounds cannot give less than 0.1000)");
  }

  @Test
  void aClearChangeWithinTheThresholdPasses() {
    MetricComparison c = compareLatency(TEN_ROUNDS, scaled(TEN_ROUNDS, 1.03));

    assertThat(c.rankTest().pValue()).isLessThan(0.01);
    assertThat(c.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aNoisySlowdownBeyondTheThresholdThatTheRoundsDoNotShowIsUnclear() {
    // Rounds scattered ±10%: a 7% median shift is beyond 5%, but 10 and 10 such rounds overlap
    // too much for p < 0.01.
    double[] noisy = {90, 110, 95, 105, 100, 92, 108, 97, 103, 100};

    MetricComparison c = compareLatency(noisy, scaled(noisy, 1.07));

    assertThat(c.ratio()).isGreaterThan(1.05);
    assertThat(c.rankTest().pValue()).isGreaterThan(0.01);
    assertThat(c.verdict()).isEqualTo(Verdict.UNCLEAR);
  }

  @Test
  void aClearSevenPercentSlowdownRegressesButNotUnderTheStrictInterval() {
    // Tight rounds: 7% is clear (complete separation) and its interval lies above 1, but not
    // entirely above 1.05.
    MetricComparison lenient = compareLatency(TEN_ROUNDS, scaled(TEN_ROUNDS, 1.07));
    MetricComparison strict =
        GateRule.compareSamples(
            P50,
            Direction.HIGHER_IS_WORSE,
            TEN_ROUNDS,
            scaled(TEN_ROUNDS, 1.07),
            DEFAULTS.withStrictInterval(true));

    assertThat(lenient.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(lenient.reason()).endsWith("entirely above 1.000");
    assertThat(strict.interval().lower()).isGreaterThan(1).isLessThan(1.05);
    assertThat(strict.verdict()).isEqualTo(Verdict.UNCLEAR);
    assertThat(strict.reason()).endsWith("reaches below 1.050");
  }

  @Test
  void aClearSpeedUpIsAnImprovement() {
    assertThat(compareLatency(TEN_ROUNDS, scaled(TEN_ROUNDS, 0.8)).verdict())
        .isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void identicalRoundsPass() {
    MetricComparison c = compareLatency(TEN_ROUNDS, TEN_ROUNDS.clone());

    assertThat(c.ratio()).isEqualTo(1);
    assertThat(c.rankTest().pValue()).isEqualTo(1);
    assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    assertThat(c.reason()).startsWith("median ±0.0%, p = 1.0000, 99% interval [");
  }

  @Test
  void throughputFallingIsTheBadDirection() {
    MetricId id = new MetricId("rest-json", "get-one", "fetch", "throughputPerSec");
    double[] baseline = scaled(TEN_ROUNDS, 0.5);

    MetricComparison fell =
        GateRule.compareSamples(
            id, Direction.LOWER_IS_WORSE, baseline, scaled(baseline, 1 / 1.25), DEFAULTS);
    MetricComparison rose =
        GateRule.compareSamples(
            id, Direction.LOWER_IS_WORSE, baseline, scaled(baseline, 1.25), DEFAULTS);

    assertThat(fell.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(rose.verdict()).isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void aMetricOneSideDidNotMeasureHasNoData() {
    MetricComparison c = compareLatency(TEN_ROUNDS, new double[0]);

    assertThat(c.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(c.reason()).isEqualTo("not measured in the current run's rounds");
    assertThat(c.baselineValue()).isEqualTo(100);
    assertThat(c.currentValue()).isNaN();
  }

  @Test
  void aZeroRoundMakesTheRatioUndefined() {
    MetricComparison c = compareLatency(new double[] {0, 1, 2}, new double[] {1, 2, 3});

    assertThat(c.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(c.reason()).contains("value of 0 or less");
  }

  @Test
  void theRuleNeedsAllThreeConditions() {
    RatioInterval aboveOne = new RatioInterval(1.02, 1.15, 0.99);
    RatioInterval reachingBelowOne = new RatioInterval(0.98, 1.15, 0.99);
    RatioInterval aboveThreshold = new RatioInterval(1.08, 1.15, 0.99);
    Direction up = Direction.HIGHER_IS_WORSE;
    GateSettings strict = DEFAULTS.withStrictInterval(true);

    assertThat(GateRule.decide(up, 1.10, 0.001, aboveOne, DEFAULTS)).isEqualTo(Verdict.REGRESSION);
    assertThat(GateRule.decide(up, 1.10, 0.02, aboveOne, DEFAULTS)).isEqualTo(Verdict.UNCLEAR);
    assertThat(GateRule.decide(up, 1.10, 0.001, reachingBelowOne, DEFAULTS))
        .isEqualTo(Verdict.UNCLEAR);
    assertThat(GateRule.decide(up, 1.04, 0.001, aboveOne, DEFAULTS)).isEqualTo(Verdict.PASS);
    assertThat(GateRule.decide(up, 1.10, 0.001, aboveOne, DEFAULTS.withThresholdFraction(0.10)))
        .isEqualTo(Verdict.PASS);
    assertThat(GateRule.decide(up, 1.10, 0.001, aboveOne, strict)).isEqualTo(Verdict.UNCLEAR);
    assertThat(GateRule.decide(up, 1.10, 0.001, aboveThreshold, strict))
        .isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void throughputRegressionReasonSaysTheIntervalIsBelowOne() {
    MetricId id = new MetricId("rest-json", "get-one", "fetch", "throughputPerSec");

    MetricComparison c =
        GateRule.compareSamples(
            id, Direction.LOWER_IS_WORSE, TEN_ROUNDS, scaled(TEN_ROUNDS, 0.8), DEFAULTS);

    assertThat(c.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(c.reason()).startsWith("median -20.0% beyond").endsWith("entirely below 1.000");
  }

  @Test
  void exactBytesBeyondTheThresholdRegressWithoutStatistics() {
    MetricId id = new MetricId("rest-json", "fetch-1000", "query", "wireReceivedPerOp");

    MetricComparison grew =
        GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 1_000.0, 1_060.0, DEFAULTS);

    assertThat(grew.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(grew.exact()).isTrue();
    assertThat(grew.rankTest()).isNull();
    assertThat(grew.reason()).isEqualTo("exact figure +6.0%, beyond the 5% threshold");
  }

  @Test
  void exactBytesWithinTheThresholdPassButSayTheyMoved() {
    MetricId id = new MetricId("rest-json", "fetch-1000", "query", "payloadReceivedPerOp");

    MetricComparison moved =
        GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 1_000.0, 1_040.0, DEFAULTS);
    MetricComparison same =
        GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 1_000.0, 1_000.0, DEFAULTS);
    MetricComparison shrank =
        GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 1_000.0, 900.0, DEFAULTS);

    assertThat(moved.verdict()).isEqualTo(Verdict.PASS);
    assertThat(moved.reason()).isEqualTo("exact figure +4.0%, within the 5% threshold");
    assertThat(same.reason()).isEqualTo("exact figure unchanged");
    assertThat(shrank.verdict()).isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void exactBytesFromZeroOrMissing() {
    MetricId id = new MetricId("rest-json", "fetch-1000", "query", "payloadSentPerOp");

    assertThat(GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 0.0, 0.0, DEFAULTS).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 0.0, 8.0, DEFAULTS).verdict())
        .isEqualTo(Verdict.REGRESSION);
    MetricComparison missing =
        GateRule.compareExact(id, Direction.HIGHER_IS_WORSE, 100.0, null, DEFAULTS);
    assertThat(missing.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(missing.reason()).isEqualTo("not measured in the current run");
  }

  @Test
  void theSameInputsGiveTheSameIntervalEveryTime() {
    double[] current = {104, 99, 108, 101, 110, 97, 106, 103, 105, 100};

    assertThat(compareLatency(TEN_ROUNDS, current).interval())
        .isEqualTo(compareLatency(TEN_ROUNDS, current).interval());
  }

  @Test
  void theShortcutVerdictAgreesWithTheFullComparison() {
    double[] noisy = {90, 110, 95, 105, 100, 92, 108, 97, 103, 100};
    for (double factor : new double[] {0.8, 0.93, 0.97, 1, 1.03, 1.07, 1.2, 1.5}) {
      for (double[] baseline : new double[][] {TEN_ROUNDS, noisy, {100, 101, 99}}) {
        double[] current = scaled(baseline, factor);
        for (Direction direction : Direction.values()) {
          for (GateSettings settings :
              new GateSettings[] {DEFAULTS, DEFAULTS.withStrictInterval(true)}) {
            assertThat(GateRule.verdictOf(P50, direction, baseline, current, settings))
                .as("factor %s, direction %s, %s", factor, direction, settings)
                .isEqualTo(
                    GateRule.compareSamples(P50, direction, baseline, current, settings).verdict());
          }
        }
      }
    }
  }

  @Test
  void pairedRoundsFindASlowdownThatADriftHidesFromSeparateSamples() {
    // Twelve rounds drifting from 100 to 200 µs, each current round 10% above its partner: as two
    // separate samples the drift swamps the change; as pairs every round shows it.
    double[] baseline = new double[12];
    for (int i = 0; i < 12; i++) {
      baseline[i] = 100 + 100 * i / 11.0;
    }
    double[] current = scaled(baseline, 1.1);

    MetricComparison separate = compareLatency(baseline, current);
    MetricComparison paired =
        GateRule.comparePairs(P50, Direction.HIGHER_IS_WORSE, baseline, current, DEFAULTS);

    assertThat(separate.verdict()).isEqualTo(Verdict.UNCLEAR);
    assertThat(paired.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(paired.ratio()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(paired.rankTest()).isInstanceOf(WilcoxonSignedRank.Result.class);
    assertThat(paired.rankTest().pValue())
        .isCloseTo(2 / 4096.0, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(paired.reason()).startsWith("median round ratio +10.0% beyond the 5% threshold");
  }

  @Test
  void tooFewPairsSayHowSmallTheirPValueCanGet() {
    double[] baseline = {100, 120, 110};

    MetricComparison c =
        GateRule.comparePairs(
            P50, Direction.HIGHER_IS_WORSE, baseline, scaled(baseline, 1.2), DEFAULTS);

    assertThat(c.verdict()).isEqualTo(Verdict.UNCLEAR);
    assertThat(c.reason()).contains("(3 pairs of rounds cannot give less than 0.2500)");
  }

  @Test
  void thePairedShortcutVerdictAgreesWithTheFullComparison() {
    double[] noisy = {90, 110, 95, 105, 100, 92, 108, 97, 103, 100};
    double[] wobble = {1.02, 0.97, 1.04, 0.99, 1.01, 0.96, 1.03, 1.0, 0.98, 1.05};
    for (double factor : new double[] {0.8, 0.93, 1, 1.07, 1.2}) {
      double[] current = new double[noisy.length];
      for (int i = 0; i < noisy.length; i++) {
        current[i] = noisy[i] * factor * wobble[i];
      }
      for (Direction direction : Direction.values()) {
        assertThat(GateRule.verdictOf(P50, direction, noisy, current, DEFAULTS, Double.NaN, true))
            .as("factor %s, direction %s", factor, direction)
            .isEqualTo(GateRule.comparePairs(P50, direction, noisy, current, DEFAULTS).verdict());
      }
    }
  }

  private static MetricComparison compareLatency(double[] baseline, double[] current) {
    return GateRule.compareSamples(P50, Direction.HIGHER_IS_WORSE, baseline, current, DEFAULTS);
  }

  private static double[] scaled(double[] values, double factor) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] * factor;
    }
    return out;
  }
}
