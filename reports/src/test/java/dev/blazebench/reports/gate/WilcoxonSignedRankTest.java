package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known answers. Without ties, the exact p-values are R's {@code wilcox.test(x, y, paired = TRUE)};
 * with ties and zeros, the exact p-values are counted here by enumerating all 2^n sign patterns.
 */
class WilcoxonSignedRankTest {

  @Test
  void matchesRsPairedExample() {
    // R's ?wilcox.test paired example (Hollander & Wolfe, depression scale): x after, y before.
    // wilcox.test(x, y, paired = TRUE, alternative = "greater"): V = 40, p = 0.01953; two-sided
    // twice that, 20 of the 512 sign patterns being as extreme.
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(y, x);

    assertThat(r.v()).isEqualTo(40);
    assertThat(r.pValue()).isCloseTo(20 / 512.0, within(1e-15));
    assertThat(r.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT);
    assertThat(r.nonZeroPairs()).isEqualTo(9);
  }

  @Test
  void everyPairHigherGivesTheSmallestPossiblePValue() {
    double[] baseline = {10, 20, 30, 40, 50, 60, 70, 80};
    double[] current = new double[8];
    for (int i = 0; i < 8; i++) {
      current[i] = baseline[i] * 1.1; // a 10% slowdown however much the rounds drift
    }

    WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(baseline, current);

    assertThat(r.pValue()).isCloseTo(2 / 256.0, within(1e-15));
    assertThat(r.pValue()).isEqualTo(r.smallestPossiblePValue());
    assertThat(r.samplesText()).isEqualTo("8 pairs of rounds");
  }

  @Test
  void swappingTheSidesKeepsThePValue() {
    double[] a = {1.2, 3.4, 2.2, 5.1, 0.3, 2.9, 4.4};
    double[] b = {1.0, 3.9, 2.0, 4.0, 0.9, 2.5, 4.8};

    assertThat(WilcoxonSignedRank.test(a, b).pValue())
        .isCloseTo(WilcoxonSignedRank.test(b, a).pValue(), within(1e-15));
  }

  @Test
  void zerosAreDroppedAndTiesGetMidRanksExactlyAsEnumeration() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(12);
      double[] baseline = new double[n];
      double[] current = new double[n];
      for (int i = 0; i < n; i++) {
        baseline[i] = random.nextInt(5);
        current[i] = random.nextInt(5); // many ties and zero differences
      }

      WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(baseline, current);

      assertThat(r.pValue())
          .as("trial %d", trial)
          .isCloseTo(enumerated(baseline, current), within(1e-12));
    }
  }

  @Test
  void noDifferenceAtAllGivesOne() {
    WilcoxonSignedRank.Result r =
        WilcoxonSignedRank.test(new double[] {1, 2, 3}, new double[] {1, 2, 3});

    assertThat(r.pValue()).isEqualTo(1);
    assertThat(r.nonZeroPairs()).isZero();
    assertThat(r.smallestPossiblePValue()).isEqualTo(1);
  }

  @Test
  void manyPairsUseTheNormalApproximationCloseToTheExactCount() {
    SplittableRandom random = new SplittableRandom(3);
    int n = WilcoxonSignedRank.EXACT_LIMIT + 1;
    double[] baseline = new double[n];
    double[] current = new double[n];
    for (int i = 0; i < n; i++) {
      baseline[i] = random.nextDouble();
      current[i] = baseline[i] + random.nextDouble() - 0.45;
    }

    WilcoxonSignedRank.Result approximate = WilcoxonSignedRank.test(baseline, current);
    // The same pairs but one: exact, and close, since V's distribution is nearly normal here.
    WilcoxonSignedRank.Result exact =
        WilcoxonSignedRank.test(
            java.util.Arrays.copyOf(baseline, n - 1), java.util.Arrays.copyOf(current, n - 1));

    assertThat(approximate.method()).isEqualTo(WilcoxonSignedRank.Method.NORMAL_APPROXIMATION);
    assertThat(exact.method()).isEqualTo(WilcoxonSignedRank.Method.EXACT);
    assertThat(approximate.pValue()).isBetween(0.0, 1.0);
    assertThat(approximate.pValue()).isCloseTo(exact.pValue(), within(0.02));
  }

  @Test
  void pairsOfDifferentLengthOrNotFiniteAreRefused() {
    assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 baseline and 1 current");
    assertThatThrownBy(
            () -> WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pair 1");
  }

  /** The exact two-sided p-value by listing every sign pattern of the non-zero differences. */
  private static double enumerated(double[] baseline, double[] current) {
    double[] d = new double[baseline.length];
    int n = 0;
    for (int i = 0; i < baseline.length; i++) {
      if (current[i] != baseline[i]) {
        d[n++] = current[i] - baseline[i];
      }
    }
    if (n == 0) {
      return 1;
    }
    double[] midRanks = new double[n];
    for (int i = 0; i < n; i++) {
      int below = 0;
      int equal = 0;
      for (int j = 0; j < n; j++) {
        if (Math.abs(d[j]) < Math.abs(d[i])) {
          below++;
        } else if (Math.abs(d[j]) == Math.abs(d[i])) {
          equal++;
        }
      }
      midRanks[i] = below + (equal + 1) / 2.0;
    }
    double observed = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        observed += midRanks[i];
      }
    }
    int low = 0;
    int high = 0;
    for (int signs = 0; signs < 1 << n; signs++) {
      double v = 0;
      for (int i = 0; i < n; i++) {
        if ((signs & (1 << i)) != 0) {
          v += midRanks[i];
        }
      }
      if (v <= observed + 1e-9) {
        low++;
      }
      if (v >= observed - 1e-9) {
        high++;
      }
    }
    return Math.min(1, 2.0 * Math.min(low, high) / (1 << n));
  }
}
