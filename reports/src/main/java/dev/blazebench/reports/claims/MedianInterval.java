package dev.blazebench.reports.claims;

import java.util.Arrays;

/**
 * The distribution-free confidence interval of a median from a run's rounds: with the {@code n}
 * values sorted, the {@code k}-th smallest and the {@code k}-th largest, for the largest {@code k}
 * whose coverage is at least {@link #LEVEL}. Its coverage follows from the binomial distribution
 * alone (each value falls below the true median with probability one half), so it assumes nothing
 * about the shape of the rounds' figures, only that rounds are independent.
 *
 * <p>Up to 8 values no pair narrower than the lowest and the highest reaches 95%, so the interval
 * is the whole range (from 6 values on that range has 95% coverage, below that less: 50% for two
 * rounds, 94% for five); from 9 values on it narrows as rounds are added, which is why more rounds
 * can decide a claim that the whole range leaves open. A range that only widened with every round
 * (the lowest and highest of any number) could never do that.
 *
 * <pre>
 * double[] range = MedianInterval.of(new double[] {8.0, 8.2, 7.9, ...});
 * </pre>
 */
final class MedianInterval {

  /** The confidence level the interval is chosen for. */
  static final double LEVEL = 0.95;

  private MedianInterval() {}

  /**
   * {@code {low, high}} for the values (not changed); the lowest and highest when there are fewer
   * than 9.
   *
   * @throws IllegalArgumentException when there are none or one is NaN
   */
  static double[] of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (Double.isNaN(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException("a value is NaN: " + Arrays.toString(values));
    }
    int k = depth(sorted.length);
    return new double[] {sorted[k - 1], sorted[sorted.length - k]};
  }

  /**
   * The {@code k} (1 for the lowest and highest) of the interval for {@code n} values: the largest
   * whose {@link #coverage} is at least {@link #LEVEL}, and 1 when none is.
   */
  static int depth(int n) {
    int k = 1;
    while (k + 1 <= (n + 1) / 2 && coverage(n, k + 1) >= LEVEL) {
      k++;
    }
    return k;
  }

  /**
   * The probability that the {@code k}-th smallest and {@code k}-th largest of {@code n} values
   * enclose their median: {@code 1 - 2 P(B <= k - 1)} for {@code B ~ Binomial(n, 1/2)}.
   */
  static double coverage(int n, int k) {
    if (n < 1 || k < 1 || 2 * k > n + 1) {
      throw new IllegalArgumentException("k " + k + " of " + n + " values");
    }
    // P(B = i) in logs, so that 2^-n does not underflow for many rounds.
    double logPmf = -n * Math.log(2);
    double tail = 0;
    for (int i = 0; i < k; i++) {
      tail += Math.exp(logPmf);
      logPmf += Math.log(n - i) - Math.log(i + 1);
    }
    return Math.max(0, 1 - 2 * tail);
  }
}
