package dev.blazebench.reports.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap confidence interval of the ratio of medians, {@code median(current) /
 * median(baseline)}: each resample draws the baseline's and the current's rounds with replacement,
 * each sample apart (their sizes stay), and takes the ratio of the two medians; the interval is the
 * (1 - level)/2 and (1 + level)/2 quantiles of those ratios.
 *
 * <p>Why percentile and not BCa: BCa's acceleration comes from the jackknife, which is known not to
 * estimate the median's variability (the jackknife is inconsistent for the median), and its bias
 * correction is unstable when the bootstrap distribution is as lumpy as a median's of a few rounds
 * (it takes only a handful of distinct values). The percentile interval needs neither and is
 * unchanged by monotone transforms, so the interval of the ratio is that of the log ratio.
 *
 * <p>The generator is seeded, so the same samples and seed always give the same interval.
 *
 * <pre>
 * RatioInterval ci = MedianRatioBootstrap.interval(baseline, current, 0.99, 10_000, seed);
 * </pre>
 */
public final class MedianRatioBootstrap {

  private MedianRatioBootstrap() {}

  /**
   * The interval at {@code level} from {@code resamples} resamples with a generator seeded by
   * {@code seed}. Every value must be finite and positive (a ratio of medians needs a positive
   * baseline).
   */
  public static RatioInterval interval(
      double[] baseline, double[] current, double level, int resamples, long seed) {
    checkPositive(baseline, "baseline");
    checkPositive(current, "current");
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples " + resamples + " must be at least 1");
    }
    double[] baselineSorted = baseline.clone();
    double[] currentSorted = current.clone();
    Arrays.sort(baselineSorted);
    Arrays.sort(currentSorted);
    SplittableRandom random = new SplittableRandom(seed);
    int[] baselineCounts = new int[baselineSorted.length];
    int[] currentCounts = new int[currentSorted.length];
    double[] ratios = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double baselineMedian = resampledMedian(baselineSorted, baselineCounts, random);
      double currentMedian = resampledMedian(currentSorted, currentCounts, random);
      ratios[b] = currentMedian / baselineMedian;
    }
    Arrays.sort(ratios);
    double tail = (1 - level) / 2;
    return new RatioInterval(quantile(ratios, tail), quantile(ratios, 1 - tail), level);
  }

  /**
   * The median of the per-pair ratios {@code current[i] / baseline[i]}: the change an interleaved
   * run's paired rounds show ({@link InterleavedRuns}).
   */
  public static double pairedRatio(double[] baseline, double[] current) {
    return Medians.of(pairRatios(baseline, current));
  }

  /**
   * The percentile bootstrap interval at {@code level} of {@link #pairedRatio}: each resample draws
   * pairs (rounds) with replacement, so a round's two values stay together.
   */
  public static RatioInterval pairedInterval(
      double[] baseline, double[] current, double level, int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples " + resamples + " must be at least 1");
    }
    double[] sortedRatios = pairRatios(baseline, current);
    Arrays.sort(sortedRatios);
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = new int[sortedRatios.length];
    double[] medians = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      medians[b] = resampledMedian(sortedRatios, counts, random);
    }
    Arrays.sort(medians);
    double tail = (1 - level) / 2;
    return new RatioInterval(quantile(medians, tail), quantile(medians, 1 - tail), level);
  }

  private static double[] pairRatios(double[] baseline, double[] current) {
    checkPositive(baseline, "baseline");
    checkPositive(current, "current");
    WilcoxonSignedRank.requireSameLength(baseline, current);
    double[] ratios = new double[baseline.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = current[i] / baseline[i];
    }
    return ratios;
  }

  /**
   * The median of one resample of {@code sorted}: draws which positions are taken (with
   * replacement) and walks the counts to the middle, so no resample is ever sorted.
   */
  private static double resampledMedian(double[] sorted, int[] counts, SplittableRandom random) {
    int n = sorted.length;
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[random.nextInt(n)]++;
    }
    // The k-th smallest (0-based) of the resample, for the middle one or two k.
    int lowerMiddle = (n - 1) / 2;
    int upperMiddle = n / 2;
    double lowerValue = Double.NaN;
    int seen = 0;
    for (int position = 0; position < n; position++) {
      seen += counts[position];
      if (Double.isNaN(lowerValue) && seen > lowerMiddle) {
        lowerValue = sorted[position];
      }
      if (seen > upperMiddle) {
        return (lowerValue + sorted[position]) / 2;
      }
    }
    throw new IllegalStateException("counts do not add up to " + n);
  }

  /**
   * The q-quantile of sorted values: the smallest value with at least q of them at or below it (the
   * inverse of the empirical distribution, R's type 1).
   */
  static double quantile(double[] sorted, double q) {
    // The small tolerance keeps q * n = 50.000000000000007 from meaning "51 values".
    int atLeast = (int) Math.ceil(q * sorted.length - 1e-9);
    return sorted[Math.max(0, Math.min(sorted.length - 1, atLeast - 1))];
  }

  private static void checkPositive(double[] sample, String name) {
    if (sample.length == 0) {
      throw new IllegalArgumentException(name + " is empty: a median needs at least one value");
    }
    for (int i = 0; i < sample.length; i++) {
      if (!(sample[i] > 0) || Double.isInfinite(sample[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] is " + sample[i] + ": a ratio of medians needs positive values");
      }
    }
  }
}
