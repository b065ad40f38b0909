package dev.blazebench.load.record;

/**
 * The unit of every latency the driver records: microseconds, rounded to the nearest, in
 * HdrHistograms with 3 significant digits (1 µs resolution up to 1 ms, 1 ms up to 1 s, ...). The
 * clock is read in nanoseconds; only the histograms hold microseconds.
 */
public final class LatencyUnits {

  /** HdrHistogram precision: values are kept to 3 significant digits (0.1% error at most). */
  public static final int SIGNIFICANT_DIGITS = 3;

  /**
   * For HdrHistogram's interval logs: the log's "max" column is the max value divided by this, so
   * with microsecond values it reads in milliseconds.
   */
  public static final double LOG_MAX_VALUE_UNIT_RATIO = 1_000.0;

  private LatencyUnits() {}

  /** Nanoseconds to whole microseconds, rounded to the nearest; never negative. */
  public static long nanosToMicros(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 500) / 1_000;
  }
}
