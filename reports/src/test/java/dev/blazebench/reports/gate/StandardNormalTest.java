package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phi(z) against SciPy 1.10's {@code scipy.stats.norm.cdf(z)}. */
class StandardNormalTest {

  @ParameterizedTest
  @CsvSource({
    "-8, 6.22096057427174e-16",
    "-6, 9.865876450376946e-10",
    "-5.5, 1.898956246588768e-08",
    "-5, 2.866515718791933e-07",
    "-3, 0.0013498980316300933",
    "-1.96, 0.024997895148220435",
    "0, 0.5",
    "0.5, 0.6914624612740131",
    "2.5, 0.9937903346742238",
    "5.2, 0.9999999003557368",
    "7, 0.9999999999987201"
  })
  void cdfMatchesScipy(double z, double expected) {
    // Relative 1e-6 %: far below what a p-value compared with alpha needs.
    assertThat(StandardNormal.cdf(z)).isCloseTo(expected, withinPercentage(1e-6));
  }
}
