package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void oddCountTakesTheMiddleValue() {
    assertThat(Medians.of(new double[] {9, 1, 5})).isEqualTo(5);
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleTwo() {
    assertThat(Medians.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void leavesItsInputAlone() {
    double[] values = {3, 1, 2};

    Medians.of(values);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void emptyHasNoMedian() {
    assertThat(Medians.of(new double[0])).isNaN();
  }
}
