package dev.blazebench.load.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people write them on a command line: {@code 30s}, {@code 500ms}, {@code 2m}, {@code
 * 1h}, {@code 250us}, {@code 1.5s}. A bare number is refused: the unit must be said.
 */
public final class Durations {

  private Durations() {}

  /**
   * The duration, at least 0; throws {@link IllegalArgumentException} naming the text if malformed.
   */
  public static Duration parse(String text) {
    String t = text.strip();
    int unitStart = 0;
    while (unitStart < t.length()
        && (Character.isDigit(t.charAt(unitStart)) || t.charAt(unitStart) == '.')) {
      unitStart++;
    }
    String number = t.substring(0, unitStart);
    String unit = t.substring(unitStart);
    long nanosPerUnit =
        switch (unit) {
          case "ns" -> 1L;
          case "us" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m", "min" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          case "" -> throw malformed(text, "missing unit (ms, s, m, h)");
          default -> throw malformed(text, "unknown unit '" + unit + "' (use ns, us, ms, s, m, h)");
        };
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw malformed(text, "not a number");
    }
    BigDecimal nanos = value.multiply(BigDecimal.valueOf(nanosPerUnit));
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw malformed(text, "too long");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /** "30s", "500ms", "1.5s", "2m", in the largest unit that keeps it exact to the millisecond. */
  public static String format(long nanos) {
    if (nanos % 60_000_000_000L == 0 && nanos >= 60_000_000_000L) {
      return nanos / 60_000_000_000L + "m";
    }
    if (nanos >= 1_000_000_000L) {
      return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }
    if (nanos >= 1_000_000L || nanos == 0) {
      return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }
    return String.format(Locale.US, "%dns", nanos);
  }

  private static IllegalArgumentException malformed(String text, String why) {
    return new IllegalArgumentException(
        "malformed duration '" + text + "': " + why + " (examples: 30s, 500ms, 2m)");
  }
}
