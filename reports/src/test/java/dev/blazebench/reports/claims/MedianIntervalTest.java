package dev.blazebench.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {

  @Test
  void coverageIsTheBinomialProbabilityOfEnclosingTheMedian() {
    // 1 - 2 * 2^-n for the lowest and highest: 50% of two values, 93.75% of five.
    assertThat(MedianInterval.coverage(1, 1)).isZero();
    assertThat(MedianInterval.coverage(2, 1)).isEqualTo(0.5);
    assertThat(MedianInterval.coverage(5, 1)).isEqualTo(0.9375);
    // 1 - 2 * (1 + 9) / 512 for the 2nd of nine; 1 - 2 * (1 + 20 + 190 + 1140 + 4845 + 15504) /
    // 2^20 for the 6th of twenty.
    assertThat(MedianInterval.coverage(9, 2)).isCloseTo(1 - 20.0 / 512, within(1e-12));
    assertThat(MedianInterval.coverage(20, 6))
        .isCloseTo(1 - 2 * 21_700.0 / (1 << 20), within(1e-12));
  }

  @Test
  void theIntervalNarrowsFromNineValuesOn() {
    assertThat(MedianInterval.depth(1)).isEqualTo(1);
    assertThat(MedianInterval.depth(5)).isEqualTo(1);
    assertThat(MedianInterval.depth(8)).isEqualTo(1);
    assertThat(MedianInterval.depth(9)).isEqualTo(2);
    assertThat(MedianInterval.depth(12)).isEqualTo(3);
    // The textbook ranks for twenty values: the 6th and the 15th.
    assertThat(MedianInterval.depth(20)).isEqualTo(6);
    // Many rounds: no underflow, and the interval keeps its level.
    int k = MedianInterval.depth(2_000);
    assertThat(MedianInterval.coverage(2_000, k)).isGreaterThanOrEqualTo(MedianInterval.LEVEL);
    assertThat(MedianInterval.coverage(2_000, k + 1)).isLessThan(MedianInterval.LEVEL);
  }

  @Test
  void theIntervalIsReadFromTheSortedValues() {
    double[] values = {9, 1, 8, 2, 7, 3, 6, 4, 5, 10, 12, 11};

    assertThat(MedianInterval.of(values)).containsExactly(3, 10);
    assertThat(values[0]).isEqualTo(9); // not sorted in place
    assertThat(MedianInterval.of(new double[] {4, 2, 3})).containsExactly(2, 4);
    assertThat(MedianInterval.of(new double[] {5})).containsExactly(5, 5);
  }

  @Test
  void noValuesOrANaNAreRefused() {
    assertThatThrownBy(() -> MedianInterval.of(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values");
    assertThatThrownBy(() -> MedianInterval.of(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
