package dev.blazebench.reports.claims;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The unit of a metric's value, which says how the report prints it. Every figure is formatted with
 * {@link Locale#US}, so reports read the same on every machine.
 */
public enum MetricUnit {
  /** A share, 0.62 printed as {@code 62%}. */
  FRACTION("fraction"),
  /** A multiple, printed as {@code 4.3x}. */
  RATIO("ratio"),
  /** Microseconds, printed as µs, as ms from 1 ms up, as s from 1 s up. */
  MICROS("micros"),
  /** Bytes, printed as B, KB or MB (1 KB = 1,024 B, as the seed counts). */
  BYTES("bytes"),
  /** A plain count. */
  COUNT("count");

  private final String name;

  MetricUnit(String name) {
    this.name = name;
  }

  @JsonValue
  public String jsonName() {
    return name;
  }

  @JsonCreator
  public static MetricUnit ofName(String name) {
    for (MetricUnit unit : values()) {
      if (unit.name.equals(name)) {
        return unit;
      }
    }
    throw new IllegalArgumentException(
        "unknown unit \"" + name + "\" (expected fraction, ratio, micros, bytes or count)");
  }

  /**
   * {@code value} for a reader, e.g. {@code 62%}, {@code 4.3x}, {@code 38.2 ms}, {@code 165 KB}.
   */
  public String format(double value) {
    return switch (this) {
      case FRACTION -> String.format(Locale.US, "%.0f%%", value * 100);
      case RATIO -> String.format(Locale.US, value >= 100 ? "%,.0fx" : "%.2fx", value);
      case MICROS -> formatMicros(value);
      case BYTES -> formatBytes(value);
      case COUNT -> String.format(Locale.US, "%,.0f", value);
    };
  }

  private static String formatMicros(double micros) {
    if (micros >= 1_000_000) {
      return String.format(Locale.US, "%.2f s", micros / 1e6);
    }
    if (micros >= 1_000) {
      return String.format(Locale.US, "%.1f ms", micros / 1e3);
    }
    if (micros >= 10) {
      return String.format(Locale.US, "%.0f µs", micros);
    }
    // Codec times of one small record are well under a microsecond: whole µs would print 0.
    return String.format(Locale.US, micros >= 1 ? "%.1f µs" : "%.2f µs", micros);
  }

  private static String formatBytes(double bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.US, "%.2f MB", bytes / (1024 * 1024));
    }
    if (bytes >= 10 * 1024) {
      return String.format(Locale.US, "%.0f KB", bytes / 1024);
    }
    if (bytes >= 1024) {
      return String.format(Locale.US, "%.1f KB", bytes / 1024);
    }
    return String.format(Locale.US, "%.0f B", bytes);
  }
}
