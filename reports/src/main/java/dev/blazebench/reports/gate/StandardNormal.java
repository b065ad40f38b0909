package dev.blazebench.reports.gate;

/**
 * The standard normal distribution's tail probabilities, for the Mann-Whitney U test's large-sample
 * approximation. Written here rather than taken from commons-math3 because this is the only
 * distribution function the gate needs, and its two methods are short and testable against
 * published values.
 */
final class StandardNormal {

  /** ln(sqrt(2 pi)). */
  private static final double LOG_SQRT_TWO_PI = 0.91893853320467274178;

  /** Beyond this |z| the Taylor series loses digits; the continued fraction converges fast. */
  private static final double SERIES_LIMIT = 5.0;

  private StandardNormal() {}

  /** P(Z <= z). */
  static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < -SERIES_LIMIT) {
      return upperTail(-z);
    }
    if (z > SERIES_LIMIT) {
      return 1 - upperTail(z);
    }
    // Marsaglia (2004), "Evaluating the Normal Distribution": Phi(z) = 1/2 + phi(z) * (z + z^3/3 +
    // z^5/(3*5) + ...). For |z| <= 5 the absolute error is about 1e-16, which keeps the lower
    // tail's
    // relative error near 1e-9 even at z = -5 (Phi = 2.9e-7).
    double sum = z;
    double previous = 0;
    double term = z;
    double zSquared = z * z;
    for (int i = 1; sum != previous; ) {
      previous = sum;
      i += 2;
      term *= zSquared / i;
      sum = previous + term;
    }
    return 0.5 + sum * Math.exp(-0.5 * zSquared - LOG_SQRT_TWO_PI);
  }

  /**
   * P(Z >= z) for z > 0, by the continued fraction of Mills' ratio (Laplace), evaluated backwards.
   */
  private static double upperTail(double z) {
    // Q(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))); 100 levels are far more than z > 5 needs.
    double fraction = z;
    for (int k = 100; k >= 1; k--) {
      fraction = z + k / fraction;
    }
    return Math.exp(-0.5 * z * z - LOG_SQRT_TWO_PI) / fraction;
  }
}
