package dev.blazebench.reports.gate;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum test) of two independent samples: does one
 * tend to give larger values than the other? It compares ranks, not values, so a few wild rounds
 * cannot dominate it, and it assumes no distribution.
 *
 * <p>Which p-value, when:
 *
 * <ul>
 *   <li><b>Exact</b> ({@link Method#EXACT}) when both samples together hold at most {@value
 *       #EXACT_LIMIT} values: the permutation distribution of the rank sum, counted over every way
 *       of splitting the pooled values into two groups of these sizes. Tied values get their
 *       mid-rank and the count is over the actual (tied) ranks, so the p-value stays exact with
 *       ties; without ties it equals R's {@code wilcox.test(x, y, exact = TRUE)}.
 *   <li><b>Normal approximation</b> ({@link Method#NORMAL_APPROXIMATION}) above that: the normal
 *       distribution with the tie-corrected variance and a continuity correction of 1/2, as R's
 *       {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)} and SciPy's {@code mannwhitneyu(x,
 *       y, method="asymptotic")} compute it.
 * </ul>
 *
 * The two-sided p-value is twice the smaller tail ({@code P(S <= s)} or {@code P(S >= s)}), at most
 * 1. Rounds per side are few in practice (3 to 30), so the exact path is the one that runs.
 *
 * <pre>
 * MannWhitneyU.Result r = MannWhitneyU.test(baselineP50Micros, currentP50Micros);
 * if (r.pValue() &lt; 0.01) { ... }
 * </pre>
 */
public final class MannWhitneyU {

  /** Largest pooled sample size tested exactly; the count takes N * n * N(N+1) steps. */
  public static final int EXACT_LIMIT = 100;

  /** How the p-value was computed. */
  public enum Method {
    EXACT,
    NORMAL_APPROXIMATION
  }

  /**
   * One test's outcome.
   *
   * @param u the U statistic of the current sample: the pairs (baseline, current) where the current
   *     value is larger, ties counting one half; {@code baselineSize * currentSize / 2} means no
   *     shift
   * @param pValue two-sided
   */
  public record Result(double u, double pValue, Method method, int baselineSize, int currentSize)
      implements RankTest {

    @Override
    public String samplesText() {
      return baselineSize + " and " + currentSize + " rounds";
    }

    /**
     * The smallest two-sided p-value any outcome could give with these sample sizes: {@code 2 /
     * C(n1 + n2, n1)}. When it is not below alpha, no result can be significant.
     */
    @Override
    public double smallestPossiblePValue() {
      return smallestPossiblePValue(baselineSize, currentSize);
    }

    /** {@code 2 / C(n1 + n2, n1)}, at most 1. */
    public static double smallestPossiblePValue(int baselineSize, int currentSize) {
      if (baselineSize == 0 || currentSize == 0) {
        return 1;
      }
      double combinations = 1;
      for (int i = 1; i <= currentSize; i++) {
        combinations = combinations * (baselineSize + i) / i;
      }
      return Math.min(1, 2 / combinations);
    }
  }

  private MannWhitneyU() {}

  /**
   * Tests whether {@code current} is shifted against {@code baseline}, two-sided. An empty sample
   * gives p = 1 (nothing can be told).
   */
  public static Result test(double[] baseline, double[] current) {
    checkFinite(baseline, "baseline");
    checkFinite(current, "current");
    int n1 = baseline.length;
    int n2 = current.length;
    if (n1 == 0 || n2 == 0) {
      return new Result(0, 1, Method.EXACT, n1, n2);
    }
    int total = n1 + n2;
    double[] pooled = new double[total];
    System.arraycopy(baseline, 0, pooled, 0, n1);
    System.arraycopy(current, 0, pooled, n1, n2);
    int[] doubledRanks = doubledMidRanks(pooled);
    // The current sample's rank sum, doubled to stay an integer with half ranks from ties.
    int doubledRankSum = 0;
    for (int i = n1; i < total; i++) {
      doubledRankSum += doubledRanks[i];
    }
    double u = doubledRankSum / 2.0 - n2 * (n2 + 1) / 2.0;
    if (total <= EXACT_LIMIT) {
      return new Result(u, exactPValue(doubledRanks, n2, doubledRankSum), Method.EXACT, n1, n2);
    }
    return new Result(
        u, normalPValue(u, n1, n2, doubledRanks), Method.NORMAL_APPROXIMATION, n1, n2);
  }

  /**
   * Twice each value's mid-rank (ranks from 1; tied values share the mean of their ranks), in the
   * order of {@code values}. Doubling keeps half ranks exact as integers.
   */
  static int[] doubledMidRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    int[] doubled = new int[n];
    for (int first = 0; first < n; ) {
      int last = first;
      while (last + 1 < n && values[order[last + 1]] == values[order[first]]) {
        last++;
      }
      // Positions first..last (0-based) hold ranks first+1..last+1; twice their mean:
      int doubledMidRank = first + last + 2;
      for (int k = first; k <= last; k++) {
        doubled[order[k]] = doubledMidRank;
      }
      first = last + 1;
    }
    return doubled;
  }

  /**
   * The exact two-sided p-value: counts, for every subset of {@code groupSize} of the pooled
   * values, its (doubled) rank sum, then adds up the tails at the observed sum. Counts are doubles:
   * C(100, 50) is about 1e29, far past a long but well within a double's exact-enough range.
   */
  private static double exactPValue(int[] doubledRanks, int groupSize, int observedSum) {
    int maxSum = 0;
    for (int rank : doubledRanks) {
      maxSum += rank;
    }
    // ways[k][s]: subsets of the values seen so far with k members and doubled rank sum s.
    double[][] ways = new double[groupSize + 1][maxSum + 1];
    ways[0][0] = 1;
    int reachable = 0;
    for (int rank : doubledRanks) {
      reachable += rank;
      for (int k = groupSize; k >= 1; k--) {
        double[] into = ways[k];
        double[] from = ways[k - 1];
        for (int s = reachable; s >= rank; s--) {
          into[s] += from[s - rank];
        }
      }
    }
    double[] sums = ways[groupSize];
    double all = 0;
    double atOrBelow = 0;
    double atOrAbove = 0;
    for (int s = 0; s <= maxSum; s++) {
      all += sums[s];
      if (s <= observedSum) {
        atOrBelow += sums[s];
      }
      if (s >= observedSum) {
        atOrAbove += sums[s];
      }
    }
    return Math.min(1, 2 * Math.min(atOrBelow, atOrAbove) / all);
  }

  /** Normal approximation with tie-corrected variance and continuity correction. */
  private static double normalPValue(double u, int n1, int n2, int[] doubledRanks) {
    int total = n1 + n2;
    double tieTerm = 0;
    int[] sorted = doubledRanks.clone();
    Arrays.sort(sorted);
    for (int first = 0; first < total; ) {
      int last = first;
      while (last + 1 < total && sorted[last + 1] == sorted[first]) {
        last++;
      }
      double tied = last - first + 1;
      tieTerm += tied * tied * tied - tied;
      first = last + 1;
    }
    double variance =
        n1 * (double) n2 / 12.0 * ((total + 1) - tieTerm / ((double) total * (total - 1)));
    if (variance <= 0) {
      return 1; // every value tied: no evidence of a shift
    }
    double shift = u - n1 * (double) n2 / 2.0;
    double z = (shift - Math.signum(shift) * 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * Math.min(StandardNormal.cdf(z), StandardNormal.cdf(-z)));
  }

  private static void checkFinite(double[] sample, String name) {
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] is " + sample[i] + ": samples must be finite numbers");
      }
    }
  }
}
