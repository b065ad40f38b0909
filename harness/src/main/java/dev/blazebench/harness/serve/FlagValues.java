package dev.blazebench.harness.serve;

import dev.blazebench.harness.BadInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flag values with units, as {@code blazebench} writes them: sizes ({@code 64MiB}, {@code 512KiB},
 * {@code 1048576}), durations ({@code 10s}, {@code 500ms}, {@code 2m}) and counts ({@code 10000},
 * {@code 10k}, {@code 1m}). Errors name the flag and the accepted forms.
 */
final class FlagValues {

  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d{1,18})\\s*([A-Za-z]*)");

  private FlagValues() {}

  /**
   * Bytes: a number with B, KiB, MiB or GiB (KB/MB/GB are read as the binary units too), below
   * 2GiB.
   */
  static int bytes(String flag, String text) {
    long value = size(flag, text);
    if (value > Integer.MAX_VALUE) {
      throw new BadInputException(
          flag + ": must be between 1 byte and 2GiB - 1, was \"" + text + "\"");
    }
    return (int) value;
  }

  /** As {@link #bytes}, any size from 1 byte. */
  static long size(String flag, String text) {
    Matcher m = match(flag, text, "a size such as 64MiB, 512KiB or 1048576");
    long multiplier =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "k", "kb", "kib" -> 1L << 10;
          case "m", "mb", "mib" -> 1L << 20;
          case "g", "gb", "gib" -> 1L << 30;
          default -> throw bad(flag, text, "a size unit B, KiB, MiB or GiB");
        };
    long value;
    try {
      value = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
    } catch (ArithmeticException e) {
      throw new BadInputException(flag + ": too large, was \"" + text + "\"", e);
    }
    if (value < 1) {
      throw new BadInputException(flag + ": must be at least 1 byte, was \"" + text + "\"");
    }
    return value;
  }

  /** A duration: a number with ms, s or m. */
  static Duration duration(String flag, String text) {
    Matcher m = match(flag, text, "a duration such as 10s, 500ms or 2m");
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      default -> throw bad(flag, text, "a duration with a unit: ms, s or m (10s, 500ms)");
    };
  }

  /** A count: a number, optionally with k (thousand) or m (million). */
  static int count(String flag, String text) {
    Matcher m = match(flag, text, "a count such as 10000 or 10k");
    long multiplier =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "" -> 1L;
          case "k" -> 1_000L;
          case "m" -> 1_000_000L;
          default -> throw bad(flag, text, "a count such as 10000, 10k or 1m");
        };
    long value = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
    if (value > Integer.MAX_VALUE) {
      throw new BadInputException(flag + ": too large, was \"" + text + "\"");
    }
    return (int) value;
  }

  private static Matcher match(String flag, String text, String expected) {
    Matcher m = NUMBER_AND_UNIT.matcher(text.strip());
    if (!m.matches()) {
      throw bad(flag, text, expected);
    }
    return m;
  }

  private static BadInputException bad(String flag, String text, String expected) {
    return new BadInputException(flag + ": expected " + expected + ", was \"" + text + "\"");
  }
}
