package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianRatioBootstrapTest {

  @Test
  void intervalFollowsTheKnownDistributionOfAMedianOfThree() {
    // Baseline constant at 100; current {90, 100, 110}. A resample's median of three is 90 with
    // probability 7/27 (two or three draws of 90), 100 with 13/27, 110 with 7/27. So the ratio's
    // 30% quantile is 1.0 (P(<= 0.9) = 0.259 < 0.30) and its 70% quantile too (P(<= 1.0) = 0.741),
    // while its 0.5% and 99.5% quantiles are 0.9 and 1.1. The margins are 9 standard errors of a
    // proportion over 10,000 resamples.
    double[] baseline = {100, 100, 100};
    double[] current = {90, 100, 110};

    RatioInterval forty = MedianRatioBootstrap.interval(baseline, current, 0.40, 10_000, 7);
    RatioInterval ninetyNine = MedianRatioBootstrap.interval(baseline, current, 0.99, 10_000, 7);

    assertThat(forty.lower()).isEqualTo(1.0);
    assertThat(forty.upper()).isEqualTo(1.0);
    assertThat(ninetyNine.lower()).isEqualTo(0.9);
    assertThat(ninetyNine.upper()).isEqualTo(1.1);
  }

  @Test
  void evenSamplesUseTheMeanOfTheMiddleTwo() {
    // Both samples constant: every resample's median is the constant, whatever the draw.
    RatioInterval interval =
        MedianRatioBootstrap.interval(
            new double[] {200, 200, 200, 200}, new double[] {250, 250}, 0.95, 1_000, 1);

    assertThat(interval.lower()).isEqualTo(1.25);
    assertThat(interval.upper()).isEqualTo(1.25);
  }

  @Test
  void sameSeedSameInterval() {
    double[] baseline = {101, 97, 110, 95, 103, 99, 120, 100};
    double[] current = {108, 112, 99, 118, 105, 111, 109, 131};

    RatioInterval first = MedianRatioBootstrap.interval(baseline, current, 0.99, 5_000, 42);
    RatioInterval second = MedianRatioBootstrap.interval(baseline, current, 0.99, 5_000, 42);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void intervalHoldsTheRatioOfAScaledCopy() {
    double[] baseline = {101, 97, 110, 95, 103, 99, 120, 100, 104, 98};
    double[] current = new double[baseline.length];
    for (int i = 0; i < baseline.length; i++) {
      current[i] = baseline[i] * 1.10;
    }

    RatioInterval interval = MedianRatioBootstrap.interval(baseline, current, 0.99, 10_000, 3);

    assertThat(Medians.of(current) / Medians.of(baseline)).isCloseTo(1.10, within());
    assertThat(interval.lower()).isLessThan(1.10);
    assertThat(interval.upper()).isGreaterThan(1.10);
  }

  @Test
  void quantileIsTheInverseOfTheEmpiricalDistribution() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertThat(MedianRatioBootstrap.quantile(sorted, 0.05)).isEqualTo(1);
    assertThat(MedianRatioBootstrap.quantile(sorted, 0.10)).isEqualTo(1);
    assertThat(MedianRatioBootstrap.quantile(sorted, 0.11)).isEqualTo(2);
    assertThat(MedianRatioBootstrap.quantile(sorted, 0.995)).isEqualTo(10);
  }

  @Test
  void rejectsAValueOfZeroNamingIt() {
    assertThatThrownBy(
            () ->
                MedianRatioBootstrap.interval(
                    new double[] {1, 0}, new double[] {1}, 0.99, 1_000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseline[1] is 0.0");
  }

  @Test
  void pairedIntervalResamplesRoundsAndFollowsTheMedianOfThreeRatios() {
    // Pair ratios {0.8, 1.0, 1.2} (baselines differ, the ratios are what count): a resample of
    // three pairs has the median-of-three distribution above, so the same quantiles.
    double[] baseline = {50, 100, 200};
    double[] current = {40, 100, 240};

    RatioInterval forty = MedianRatioBootstrap.pairedInterval(baseline, current, 0.40, 10_000, 7);
    RatioInterval ninetyNine =
        MedianRatioBootstrap.pairedInterval(baseline, current, 0.99, 10_000, 7);

    assertThat(MedianRatioBootstrap.pairedRatio(baseline, current)).isEqualTo(1.0);
    assertThat(forty.lower()).isEqualTo(1.0);
    assertThat(forty.upper()).isEqualTo(1.0);
    assertThat(ninetyNine.lower()).isCloseTo(0.8, within());
    assertThat(ninetyNine.upper()).isCloseTo(1.2, within());
  }

  @Test
  void pairingRemovesADriftThatHidesTheChangeFromTheSeparateSamples() {
    // The machine drifts from 100 to 200 over the rounds; every round of the current build is 10%
    // slower than its baseline partner run seconds before.
    double[] baseline = new double[12];
    double[] current = new double[12];
    for (int i = 0; i < 12; i++) {
      baseline[i] = 100 + 100 * i / 11.0;
      current[i] = baseline[i] * 1.1;
    }

    RatioInterval paired = MedianRatioBootstrap.pairedInterval(baseline, current, 0.99, 10_000, 3);
    RatioInterval separate = MedianRatioBootstrap.interval(baseline, current, 0.99, 10_000, 3);

    assertThat(paired.lower()).isCloseTo(1.1, within());
    assertThat(paired.upper()).isCloseTo(1.1, within());
    assertThat(separate.lower()).isLessThan(1.0); // the drift swamps the 10%
  }

  @Test
  void pairsMustMatchInNumber() {
    assertThatThrownBy(
            () ->
                MedianRatioBootstrap.pairedInterval(
                    new double[] {1, 2}, new double[] {1}, 0.99, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 baseline and 1 current");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
