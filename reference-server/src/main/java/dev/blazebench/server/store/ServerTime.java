package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.DateValue;
import java.time.Clock;

/** The server's timestamps ({@code createdAt}, {@code updatedAt}): dates to the millisecond. */
final class ServerTime {

  private static final long REFERENCE_DATE_UNIX_MILLIS =
      BlazeValue.REFERENCE_DATE_UNIX_SECONDS * 1000;

  private ServerTime() {}

  /**
   * Now, truncated to the millisecond, as a BlazeBinary date (the double nearest to the whole
   * milliseconds since 2001-01-01Z, in seconds).
   */
  static DateValue now(Clock clock) {
    long unixMillis = clock.millis();
    return BlazeValue.dateSinceReferenceDate((unixMillis - REFERENCE_DATE_UNIX_MILLIS) / 1000.0);
  }
}
