package dev.blazebench.load.profile;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Rates as people write them on a command line: {@code 200/s}, {@code 1k/s}, {@code 1.5k/s}, {@code
 * 600/m}, {@code 2M/s}; {@code 200} alone means per second.
 */
public final class Rates {

  private Rates() {}

  /**
   * Operations per second; throws {@link IllegalArgumentException} naming the text if malformed.
   */
  public static double parsePerSecond(String text) {
    String t = text.strip();
    double perUnitSeconds = 1;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      String unit = t.substring(slash + 1);
      perUnitSeconds =
          switch (unit) {
            case "s", "sec" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            default -> throw malformed(text, "unknown unit '/" + unit + "' (use /s, /m or /h)");
          };
      t = t.substring(0, slash);
    }
    double multiplier = 1;
    if (t.endsWith("k")) {
      multiplier = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("M")) {
      multiplier = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    double value;
    try {
      value = new BigDecimal(t).doubleValue();
    } catch (NumberFormatException e) {
      throw malformed(text, "not a number");
    }
    double rps = value * multiplier / perUnitSeconds;
    if (!(rps > 0) || Double.isInfinite(rps)) {
      throw malformed(text, "must be positive");
    }
    return rps;
  }

  /**
   * A count as people write one: {@code 1000000}, {@code 10k}, {@code 1m} or {@code 1M} (a
   * million); a positive whole number. The error names {@code flag}.
   */
  public static long parseCount(String flag, String text) {
    String t = text.strip();
    long multiplier = 1;
    if (t.endsWith("k")) {
      multiplier = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m") || t.endsWith("M")) {
      multiplier = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    BigDecimal count;
    try {
      count = new BigDecimal(t).multiply(BigDecimal.valueOf(multiplier));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          flag + " '" + text + "': not a number (examples: 1000000, 10k, 1m)");
    }
    if (count.signum() <= 0 || count.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(flag + " '" + text + "': must be a positive whole number");
    }
    try {
      return count.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(flag + " '" + text + "': too large");
    }
  }

  /** "200/s", "1.5/s", "12500/s": plain digits, Locale.US. */
  public static String format(double rps) {
    if (rps == Math.rint(rps) && rps < 1e15) {
      return String.format(Locale.US, "%d/s", (long) rps);
    }
    return String.format(
        Locale.US, "%s/s", BigDecimal.valueOf(rps).stripTrailingZeros().toPlainString());
  }

  private static IllegalArgumentException malformed(String text, String why) {
    return new IllegalArgumentException(
        "malformed rate '" + text + "': " + why + " (examples: 200/s, 1k/s, 600/m)");
  }
}
