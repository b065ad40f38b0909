package dev.blazebench.reports.gate;

/** Which way a metric gets worse: latency and CPU when they rise, throughput when it falls. */
public enum Direction {
  /** Latency, CPU and bytes per operation: a rise is a regression. */
  HIGHER_IS_WORSE,
  /** Throughput: a fall is a regression. */
  LOWER_IS_WORSE;

  /**
   * True when {@code ratio} (current / baseline) is beyond {@code thresholdFraction} in the bad
   * direction: above {@code 1 + threshold} for {@link #HIGHER_IS_WORSE}, below {@code 1 -
   * threshold} for {@link #LOWER_IS_WORSE}.
   */
  public boolean isWorseBeyond(double ratio, double thresholdFraction) {
    return this == HIGHER_IS_WORSE ? ratio > 1 + thresholdFraction : ratio < 1 - thresholdFraction;
  }

  /** True when {@code ratio} is beyond {@code thresholdFraction} in the good direction. */
  public boolean isBetterBeyond(double ratio, double thresholdFraction) {
    return this == HIGHER_IS_WORSE ? ratio < 1 - thresholdFraction : ratio > 1 + thresholdFraction;
  }

  /** The bound of a ratio interval nearer to no change, seen from the bad side. */
  double boundNearestNoChangeOnWorseSide(RatioInterval interval) {
    return this == HIGHER_IS_WORSE ? interval.lower() : interval.upper();
  }

  /** The bound of a ratio interval nearer to no change, seen from the good side. */
  double boundNearestNoChangeOnBetterSide(RatioInterval interval) {
    return this == HIGHER_IS_WORSE ? interval.upper() : interval.lower();
  }
}
