package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Known answers. Without ties, the exact p-values are R's {@code wilcox.test(x, y)} (reproduced
 * with SciPy 1.10's {@code mannwhitneyu(y, x, method="exact")}); with ties, the exact conditional
 * p-values were counted by enumerating every split of the pooled ranks in Python (itertools); the
 * normal approximations are SciPy's {@code method="asymptotic", use_continuity=True}.
 */
class MannWhitneyUTest {

  @Test
  void completelySeparatedSamplesOfThreeGiveTwoTwentieths() {
    // 20 ways to pick 3 of 6 ranks; {4,5,6} and {1,2,3} are the two as extreme: p = 2/20.
    MannWhitneyU.Result r = MannWhitneyU.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    assertThat(r.u()).isEqualTo(9);
    assertThat(r.pValue()).isCloseTo(0.1, within(1e-15));
    assertThat(r.method()).isEqualTo(MannWhitneyU.Method.EXACT);
  }

  @Test
  void matchesRsWilcoxTestExampleExactly() {
    // R's ?wilcox.test two-sample example: W = 35, p = 0.2544 (two-sided).
    double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};

    MannWhitneyU.Result r = MannWhitneyU.test(x, y);

    assertThat(r.u()).isEqualTo(15); // y's U; x's is 10 * 5 - 15 = 35, R's W
    assertThat(r.pValue()).isCloseTo(0.2544122544122544, within(1e-12));
  }

  @Test
  void swappingTheSamplesKeepsThePValueAndMirrorsU() {
    double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};

    MannWhitneyU.Result forward = MannWhitneyU.test(x, y);
    MannWhitneyU.Result backward = MannWhitneyU.test(y, x);

    assertThat(backward.u()).isEqualTo(35);
    assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-15));
  }

  @Test
  void shiftedTenAgainstTenMatchesScipyExact() {
    double[] x = new double[10];
    double[] y = new double[10];
    for (int i = 0; i < 10; i++) {
      x[i] = 1 + 2 * i;
      y[i] = 4 + 2 * i;
    }

    MannWhitneyU.Result r = MannWhitneyU.test(x, y);

    assertThat(r.u()).isEqualTo(64);
    assertThat(r.pValue()).isCloseTo(0.31499924224382436, within(1e-12));
  }

  @Test
  void tiesGetMidRanksAndAnExactConditionalPValue() {
    // Enumerated: 6 of the 70 splits are at least as extreme on the smaller side: p = 3/35.
    MannWhitneyU.Result r =
        MannWhitneyU.test(new double[] {10, 10, 12, 13}, new double[] {12, 14, 14, 15});

    assertThat(r.u()).isEqualTo(14.5);
    assertThat(r.pValue()).isCloseTo(3.0 / 35, within(1e-15));
    assertThat(r.method()).isEqualTo(MannWhitneyU.Method.EXACT);
  }

  @Test
  void manyTiesSixAgainstSevenMatchesEnumeration() {
    MannWhitneyU.Result r =
        MannWhitneyU.test(new double[] {5, 5, 5, 6, 7, 7}, new double[] {6, 7, 8, 8, 8, 9, 9});

    assertThat(r.u()).isEqualTo(38.5);
    assertThat(r.pValue()).isCloseTo(3.0 / 286, within(1e-15));
  }

  @Test
  void allValuesTiedGiveNoEvidence() {
    MannWhitneyU.Result r = MannWhitneyU.test(new double[] {3, 3, 3}, new double[] {3, 3, 3});

    assertThat(r.u()).isEqualTo(4.5);
    assertThat(r.pValue()).isEqualTo(1);
  }

  @Test
  void largeSamplesUseTheNormalApproximationAsScipyDoes() {
    double[] x = new double[60];
    double[] y = new double[55];
    for (int i = 1; i <= 60; i++) {
      x[i - 1] = i * 7 % 101;
    }
    for (int i = 1; i <= 55; i++) {
      y[i - 1] = (i * 13 % 103) + 10;
    }

    MannWhitneyU.Result r = MannWhitneyU.test(x, y);

    assertThat(r.method()).isEqualTo(MannWhitneyU.Method.NORMAL_APPROXIMATION);
    assertThat(r.u()).isEqualTo(1988.5);
    assertThat(r.pValue()).isCloseTo(0.05841840931071606, within(1e-12));
  }

  @Test
  void normalApproximationCorrectsTheVarianceForHeavyTies() {
    double[] x = new double[60];
    double[] y = new double[55];
    for (int i = 1; i <= 60; i++) {
      x[i - 1] = i % 9;
    }
    for (int i = 1; i <= 55; i++) {
      y[i - 1] = (i % 11) + 1;
    }

    MannWhitneyU.Result r = MannWhitneyU.test(x, y);

    assertThat(r.u()).isEqualTo(2250);
    assertThat(r.pValue()).isCloseTo(0.0007474360608433035, within(1e-12));
  }

  @Test
  void smallestPossiblePValueIsTwoOverTheNumberOfSplits() {
    assertThat(MannWhitneyU.Result.smallestPossiblePValue(3, 3)).isCloseTo(0.1, within(1e-15));
    assertThat(MannWhitneyU.Result.smallestPossiblePValue(4, 4)).isCloseTo(2.0 / 70, within(1e-15));
    assertThat(MannWhitneyU.Result.smallestPossiblePValue(5, 5))
        .isCloseTo(2.0 / 252, within(1e-15));
    assertThat(MannWhitneyU.Result.smallestPossiblePValue(1, 1)).isEqualTo(1);
  }

  @Test
  void anEmptySampleTellsNothing() {
    assertThat(MannWhitneyU.test(new double[0], new double[] {1, 2}).pValue()).isEqualTo(1);
  }

  @Test
  void rejectsNonFiniteValuesNamingTheirPlace() {
    assertThatThrownBy(() -> MannWhitneyU.test(new double[] {1, Double.NaN}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseline[1] is NaN");
  }

  @Test
  void doubledMidRanksAreIntegers() {
    assertThat(MannWhitneyU.doubledMidRanks(new double[] {10, 10, 12, 13, 12}))
        .containsExactly(3, 3, 7, 10, 7);
  }
}
