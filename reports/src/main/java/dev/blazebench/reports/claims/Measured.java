package dev.blazebench.reports.claims;

import java.util.Objects;

/**
 * The value of a metric in one run, with the range the run puts it in, or why the run has none (an
 * API or scenario it did not measure, a figure it did not record). Arithmetic on a missing value
 * stays missing and keeps the first reason, so a verdict can say exactly what was absent.
 *
 * <p>The range is what the run's own repetitions say about the value: for a figure read over
 * rounds, the 95% confidence interval of the median round ({@link MedianInterval}, the lowest and
 * highest round up to 8 rounds); for a codec benchmark, its fastest and slowest JMH iteration; for
 * a size, the value itself (bytes do not vary). Arithmetic carries it as interval arithmetic (two
 * intervals of 95% give their combination at least 90%), so a verdict can tell a figure that meets
 * or misses a claim clearly from one whose interval lies on both sides of it.
 */
public final class Measured {

  private final double value;
  private final double low;
  private final double high;
  private final String missingReason;

  private Measured(double value, double low, double high, String missingReason) {
    this.value = value;
    this.low = low;
    this.high = high;
    this.missingReason = missingReason;
  }

  /** A value known exactly: its range is itself. */
  public static Measured of(double value) {
    return of(value, value, value);
  }

  /**
   * A value and the range the run puts it in; the range is widened to take in the value if it does
   * not.
   */
  public static Measured of(double value, double low, double high) {
    if (!Double.isFinite(value)) {
      return missing("not a finite number");
    }
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("range [" + low + ", " + high + "] of " + value);
    }
    return new Measured(value, Math.min(low, value), Math.max(high, value), null);
  }

  public static Measured missing(String reason) {
    return new Measured(
        Double.NaN, Double.NaN, Double.NaN, Objects.requireNonNull(reason, "reason"));
  }

  public boolean isPresent() {
    return missingReason == null;
  }

  /** The value; only meaningful when {@link #isPresent()}. */
  public double value() {
    requirePresent();
    return value;
  }

  /** The low end of the value's range (the value itself when it is exact). */
  public double low() {
    requirePresent();
    return low;
  }

  /** The high end of the value's range (the value itself when it is exact). */
  public double high() {
    requirePresent();
    return high;
  }

  /** Whether the run gives the value a range wider than the value itself. */
  public boolean hasSpread() {
    requirePresent();
    return low < high;
  }

  /** Why there is no value; null when there is one. */
  public String missingReason() {
    return missingReason;
  }

  private void requirePresent() {
    if (!isPresent()) {
      throw new IllegalStateException("no value: " + missingReason);
    }
  }

  @Override
  public String toString() {
    if (!isPresent()) {
      return "missing (" + missingReason + ")";
    }
    return hasSpread() ? value + " [" + low + ", " + high + "]" : Double.toString(value);
  }
}
