package dev.blazebench.reports.gate;

import java.util.Arrays;

/** The sample median: the middle value, or the mean of the two middle values of an even count. */
public final class Medians {

  private Medians() {}

  /** The median of {@code values} (not changed); NaN when empty. */
  public static double of(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted);
  }

  /** The median of values already in ascending order. */
  static double ofSorted(double[] sorted) {
    int n = sorted.length;
    int middle = n / 2;
    return n % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
