package dev.blazebench.binary;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * {@link Instant} to BlazeBinary date bits and back, for the typed binding. A date is a double
 * count of seconds since 2001-01-01Z, which cannot hold most millisecond instants exactly; so a
 * date becomes the instant with the fewest fractional digits (0, 3, 6 or 9) that maps back to the
 * very same bits, and a date made from a millisecond instant comes back as that instant. This is
 * the rule of {@code dev.blazebench.protocol.DateConversion}, which the other formats use, so every
 * format hands the user the same instant.
 */
final class InstantDates {

  private static final long REFERENCE = BlazeValue.REFERENCE_DATE_UNIX_SECONDS;

  /**
   * Below this many seconds from 2001 a double's step is under 2^-23 s (120 ns), so two different
   * millisecond instants never map to one double: the nearest millisecond that maps back is the
   * only one, and whole seconds are milliseconds too.
   */
  private static final double FAST_PATH_LIMIT_SECONDS = 1 << 30;

  private static final long[] ROUNDING_NANOS = {1_000_000_000L, 1_000_000L, 1_000L};

  private InstantDates() {}

  /** The date bits of {@code instant}: exactly {@link BlazeValue#date(Instant)}'s. */
  static long bitsOf(Instant instant) {
    double seconds = (instant.getEpochSecond() - REFERENCE) + instant.getNano() / 1e9;
    return Double.doubleToRawLongBits(seconds);
  }

  /** The shortest instant that maps back to {@code bits}, or null when no instant does. */
  static Instant toInstant(long bits) {
    double seconds = Double.longBitsToDouble(bits);
    if (Math.abs(seconds) < FAST_PATH_LIMIT_SECONDS) {
      // The nearest millisecond, checked by converting it back: one multiply and one compare for
      // every date written from a millisecond (or whole-second) instant.
      long millis = Math.round(seconds * 1000.0);
      long epochSecond = Math.floorDiv(millis, 1000) + REFERENCE;
      int nanos = Math.floorMod(millis, 1000) * 1_000_000;
      double back = (epochSecond - REFERENCE) + nanos / 1e9;
      if (Double.doubleToRawLongBits(back) == bits) {
        return Instant.ofEpochSecond(epochSecond, nanos);
      }
    }
    return slowPath(seconds, bits);
  }

  /** Seconds, then milliseconds, microseconds, nanoseconds: the first that maps back. */
  private static Instant slowPath(double seconds, long bits) {
    if (!Double.isFinite(seconds)) {
      return null;
    }
    Instant nearest;
    try {
      double floor = Math.floor(seconds);
      long nanos = Math.round((seconds - floor) * 1e9);
      nearest = Instant.ofEpochSecond(Math.addExact((long) floor, REFERENCE), nanos);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
    for (long unitNanos : ROUNDING_NANOS) {
      long rounded = (nearest.getNano() + unitNanos / 2) / unitNanos * unitNanos;
      Instant candidate;
      try {
        candidate = Instant.ofEpochSecond(nearest.getEpochSecond(), rounded);
      } catch (DateTimeException e) {
        continue;
      }
      if (bitsOf(candidate) == bits) {
        return candidate;
      }
    }
    return nearest;
  }
}
