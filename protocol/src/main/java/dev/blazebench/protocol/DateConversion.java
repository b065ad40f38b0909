package dev.blazebench.protocol;

import dev.blazebench.binary.BlazeValue;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Converts BlazeBinary dates (a double count of seconds since 2001-01-01Z) to instants for the
 * formats that carry time as text or as seconds + nanoseconds (JSON, Protobuf {@code Timestamp}).
 *
 * <p>A double cannot hold most millisecond instants exactly: 2025-11-14T10:30:00.123Z becomes a
 * double a few tens of nanoseconds off. {@link #toInstant} therefore returns the instant with the
 * fewest fractional digits (0, 3, 6 or 9) that converts back ({@link BlazeValue#date(Instant)}) to
 * the very same bits, so a date made from a millisecond instant comes back as that instant and
 * round-trips bit-exactly. Only a date that no nanosecond instant maps to (one not made from an
 * instant, or finer than a nanosecond near 2001) is rounded to the nearest nanosecond, and then
 * does not round-trip.
 */
public final class DateConversion {

  private static final long[] ROUNDING_NANOS = {1_000_000_000L, 1_000_000L, 1_000L};

  private DateConversion() {}

  /**
   * The shortest instant that maps back to {@code date}'s exact bits; see the class comment.
   *
   * @throws IllegalArgumentException for NaN, infinite or out-of-range dates
   */
  public static Instant toInstant(BlazeValue.DateValue date) {
    Instant nearest;
    try {
      nearest = date.toInstant();
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(
          "date " + date.secondsSinceReferenceDate() + " (seconds since 2001) is not an instant",
          e);
    }
    for (long unitNanos : ROUNDING_NANOS) {
      Instant candidate = roundTo(nearest, unitNanos);
      if (BlazeValue.date(candidate).bits() == date.bits()) {
        return candidate;
      }
    }
    return nearest;
  }

  /** The date for {@code instant}: {@link BlazeValue#date(Instant)}, named here for symmetry. */
  public static BlazeValue.DateValue toDate(Instant instant) {
    return BlazeValue.date(instant);
  }

  private static Instant roundTo(Instant instant, long unitNanos) {
    long nanos = instant.getNano();
    long rounded = (nanos + unitNanos / 2) / unitNanos * unitNanos;
    return Instant.ofEpochSecond(instant.getEpochSecond(), rounded);
  }
}
