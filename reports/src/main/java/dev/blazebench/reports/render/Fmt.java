package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.MetricUnit;
import java.util.Locale;

/**
 * Figures as the report prints them, always with {@link Locale#US}; a figure that was not measured
 * prints as an em dash, never as 0.
 */
final class Fmt {

  /** What an absent figure prints as. */
  static final String NONE = "—";

  private Fmt() {}

  static String micros(Double micros) {
    return micros == null ? NONE : MetricUnit.MICROS.format(micros);
  }

  static String micros(long micros) {
    return MetricUnit.MICROS.format(micros);
  }

  static String bytes(Double bytes) {
    return bytes == null ? NONE : MetricUnit.BYTES.format(bytes);
  }

  static String ratio(Double ratio) {
    return ratio == null || ratio.isNaN() ? NONE : MetricUnit.RATIO.format(ratio);
  }

  static String percent(Double fraction) {
    return fraction == null || fraction.isNaN() ? NONE : MetricUnit.FRACTION.format(fraction);
  }

  static String count(long count) {
    return String.format(Locale.US, "%,d", count);
  }

  static String rate(double perSec) {
    return String.format(Locale.US, perSec >= 100 ? "%,.0f" : "%.1f", perSec);
  }

  /** An instant to the second ({@code 2026-11-27T19:37:22Z}): run times need no nanoseconds. */
  static String time(java.time.Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  static String decimal(double value, int digits) {
    return String.format(Locale.US, "%,." + digits + "f", value);
  }
}
