package dev.blazebench.reports.gate;

import java.util.Arrays;

/**
 * The two-sided Wilcoxon signed-rank test of paired samples: do the current values of the pairs
 * tend to be larger (or smaller) than their baseline partners? The gate uses it on the rounds of an
 * interleaved run ({@link InterleavedRuns}), where round k of the baseline build and round k of the
 * current build ran seconds apart: a slow minute of the machine slows both, so it cancels in the
 * pair's difference instead of widening both samples as it does for the {@link MannWhitneyU} test.
 *
 * <p>The test ranks the absolute differences, sums the ranks of the positive ones ({@code V}) and
 * compares that sum with its distribution when every sign is a coin flip. Zero differences carry no
 * sign and are dropped first (R's and SciPy's default, "wilcox"). Tied absolute differences get
 * their mid-rank. Which p-value, when:
 *
 * <ul>
 *   <li><b>Exact</b> ({@link Method#EXACT}) for at most {@value #EXACT_LIMIT} non-zero pairs: the
 *       distribution of {@code V} counted over all 2^n sign patterns of the actual (tied) ranks;
 *       without ties it equals R's {@code wilcox.test(x, y, paired = TRUE, exact = TRUE)}.
 *   <li><b>Normal approximation</b> ({@link Method#NORMAL_APPROXIMATION}) above that, with the
 *       tie-corrected variance and a continuity correction of 1/2 (R's {@code exact = FALSE,
 *       correct = TRUE}).
 * </ul>
 *
 * <pre>
 * WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(baselineByRound, currentByRound);
 * </pre>
 */
public final class WilcoxonSignedRank {

  /** Most non-zero pairs tested exactly; the count takes about n^3 steps. */
  public static final int EXACT_LIMIT = 200;

  /** How the p-value was computed. */
  public enum Method {
    EXACT,
    NORMAL_APPROXIMATION
  }

  /**
   * One test's outcome.
   *
   * @param v the sum of the ranks of the pairs whose current value is larger; {@code n(n+1)/4}
   *     means no shift
   * @param pValue two-sided
   * @param pairs pairs given
   * @param nonZeroPairs pairs whose values differ: the ones that count
   */
  public record Result(double v, double pValue, Method method, int pairs, int nonZeroPairs)
      implements RankTest {

    /** The smallest two-sided p-value with this many non-zero pairs: {@code 2 / 2^n}, at most 1. */
    @Override
    public double smallestPossiblePValue() {
      return smallestPossiblePValue(nonZeroPairs);
    }

    /** {@code 2 / 2^pairs}, at most 1. */
    public static double smallestPossiblePValue(int pairs) {
      return Math.min(1, 2 / Math.pow(2, pairs));
    }

    @Override
    public String samplesText() {
      return pairs + (pairs == 1 ? " pair" : " pairs") + " of rounds";
    }
  }

  private WilcoxonSignedRank() {}

  /**
   * Tests whether {@code current[i]} is shifted against {@code baseline[i]}, two-sided, on the
   * differences {@code current[i] - baseline[i]}. Pass log values to test ratios. No pairs, or none
   * that differ, give p = 1.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold a value that is not
   *     finite
   */
  public static Result test(double[] baseline, double[] current) {
    requireSameLength(baseline, current);
    double[] differences = new double[baseline.length];
    int nonZero = 0;
    for (int i = 0; i < baseline.length; i++) {
      double d = current[i] - baseline[i];
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "pair " + i + " is not finite: " + baseline[i] + ", " + current[i]);
      }
      if (d != 0) {
        differences[nonZero++] = d;
      }
    }
    differences = Arrays.copyOf(differences, nonZero);
    if (nonZero == 0) {
      return new Result(0, 1, Method.EXACT, baseline.length, 0);
    }
    double[] magnitudes = new double[nonZero];
    for (int i = 0; i < nonZero; i++) {
      magnitudes[i] = Math.abs(differences[i]);
    }
    int[] doubledRanks = MannWhitneyU.doubledMidRanks(magnitudes);
    int doubledPositiveSum = 0;
    for (int i = 0; i < nonZero; i++) {
      if (differences[i] > 0) {
        doubledPositiveSum += doubledRanks[i];
      }
    }
    double v = doubledPositiveSum / 2.0;
    if (nonZero <= EXACT_LIMIT) {
      return new Result(
          v, exactPValue(doubledRanks, doubledPositiveSum), Method.EXACT, baseline.length, nonZero);
    }
    return new Result(
        v, normalPValue(v, doubledRanks), Method.NORMAL_APPROXIMATION, baseline.length, nonZero);
  }

  /** Paired samples hold one value per pair on each side. */
  static void requireSameLength(double[] baseline, double[] current) {
    if (baseline.length != current.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: "
              + baseline.length
              + " baseline and "
              + current.length
              + " current values");
    }
  }

  /**
   * Counts, over every sign pattern, the (doubled) sum of the positive ranks, then adds up the
   * tails at the observed sum. Each pattern has probability 2^-n; counts are doubles (2^200 is far
   * past a long but well within a double's range).
   */
  private static double exactPValue(int[] doubledRanks, int observedSum) {
    int maxSum = 0;
    for (int rank : doubledRanks) {
      maxSum += rank;
    }
    // ways[s]: sign patterns of the ranks seen so far whose positive ranks sum to s.
    double[] ways = new double[maxSum + 1];
    ways[0] = 1;
    int reachable = 0;
    for (int rank : doubledRanks) {
      reachable += rank;
      for (int s = reachable; s >= rank; s--) {
        ways[s] += ways[s - rank];
      }
    }
    double all = 0;
    double atOrBelow = 0;
    double atOrAbove = 0;
    for (int s = 0; s <= maxSum; s++) {
      all += ways[s];
      if (s <= observedSum) {
        atOrBelow += ways[s];
      }
      if (s >= observedSum) {
        atOrAbove += ways[s];
      }
    }
    return Math.min(1, 2 * Math.min(atOrBelow, atOrAbove) / all);
  }

  /** Normal approximation with tie-corrected variance and continuity correction. */
  private static double normalPValue(double v, int[] doubledRanks) {
    int n = doubledRanks.length;
    double tieTerm = 0;
    int[] sorted = doubledRanks.clone();
    Arrays.sort(sorted);
    for (int first = 0; first < n; ) {
      int last = first;
      while (last + 1 < n && sorted[last + 1] == sorted[first]) {
        last++;
      }
      double tied = last - first + 1;
      tieTerm += tied * tied * tied - tied;
      first = last + 1;
    }
    double mean = n * (n + 1) / 4.0;
    double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
    double shift = v - mean;
    double z = (shift - Math.signum(shift) * 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * Math.min(StandardNormal.cdf(z), StandardNormal.cdf(-z)));
  }
}
