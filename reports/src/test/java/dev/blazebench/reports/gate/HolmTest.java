package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

  @Test
  void matchesRsPAdjustHolm() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), method = "holm") -> 0.03 0.06 0.06 0.02
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

    assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
    assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void neverExceedsOneAndKeepsTheOrderOfThePValues() {
    // R: p.adjust(c(0.5, 0.2, 0.9, 0.2), method = "holm") -> 1.0 0.8 1.0 0.8
    double[] adjusted = Holm.adjust(new double[] {0.5, 0.2, 0.9, 0.2});

    assertThat(adjusted).containsExactly(new double[] {1.0, 0.8, 1.0, 0.8}, within(1e-12));
  }

  @Test
  void oneMetricIsNotAdjusted() {
    assertThat(Holm.adjust(new double[] {0.0123})).containsExactly(0.0123);
    assertThat(Holm.adjust(new double[0])).isEmpty();
  }
}
