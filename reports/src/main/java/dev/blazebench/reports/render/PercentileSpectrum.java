package dev.blazebench.reports.render;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The latency percentile spectrum of a histogram, as HdrHistogram plots it: latency against
 * percentile on a scale where each step is ten times rarer (x = 1 / (1 - quantile)), so the tail up
 * to 99.99% is as readable as the median. Every API is sampled at the same percentiles, so their
 * lines share one x axis.
 */
final class PercentileSpectrum {

  /** Points per tenfold step of rarity: 90%, 99%, 99.9% are 5 points apart. */
  static final int STEPS_PER_DECADE = 5;

  private PercentileSpectrum() {}

  /**
   * The x values (1 / (1 - quantile)) from the median-free start (quantile 0) up to where a sample
   * of {@code largestCount} values still has something to say (one value in ten beyond the last
   * step), at most 99.999%.
   */
  static List<Double> grid(long largestCount) {
    List<Double> x = new ArrayList<>();
    double limit = Math.min(1e5, Math.max(10, largestCount));
    for (int k = 0; ; k++) {
      double value = Math.pow(10, k / (double) STEPS_PER_DECADE);
      if (value > limit * 1.0001) {
        break;
      }
      x.add(value);
    }
    return x;
  }

  /** The latency (µs) of {@code histogram} at each x of {@code grid}; null where it is empty. */
  static List<Double> sample(Histogram histogram, List<Double> grid) {
    List<Double> values = new ArrayList<>();
    for (double x : grid) {
      if (histogram.getTotalCount() == 0) {
        values.add(null);
        continue;
      }
      // Rounded so that x = 10 asks for exactly 90, not 90.00000000000001 (one value more).
      double percentile = Math.round(100 * (1 - 1 / x) * 1e9) / 1e9;
      long value =
          percentile <= 0 ? histogram.getMinValue() : histogram.getValueAtPercentile(percentile);
      // A log axis cannot show 0 µs; such calls are below the histogram's resolution anyway.
      values.add(value <= 0 ? null : (double) value);
    }
    return values;
  }
}
