package dev.blazebench.load.engine;

import dev.blazebench.load.profile.LoadProfile;
import java.time.Duration;

/**
 * How the driver runs, resolved before it starts.
 *
 * @param profile the load: open (rate, ramp, steps) or closed, with its warm-up
 * @param maxInFlight iterations in flight at most (open model); an operation due while all slots
 *     are taken waits for one, keeps its intended start, and is counted as delayed by the cap. For
 *     a closed model the profile's in-flight count applies and this must not be smaller.
 * @param callDeadline how long each call may take, from its send; a later answer is a DEADLINE
 *     failure
 * @param drain after the measured part, how long calls still in flight may take to finish; those
 *     still unanswered then are DEADLINE failures and the run ends
 * @param interval how often the interval logs and throughput samples are written (1 s)
 */
public record DriverConfig(
    LoadProfile profile,
    int maxInFlight,
    Duration callDeadline,
    Duration drain,
    Duration interval) {

  /** Interval logs every second, as HdrHistogram's tools expect by default. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  public DriverConfig {
    if (profile == null) {
      throw new IllegalArgumentException("profile must not be null");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    if (profile.closedInFlight() > maxInFlight) {
      throw new IllegalArgumentException(
          "maxInFlight ("
              + maxInFlight
              + ") is below the closed model's in-flight count ("
              + profile.closedInFlight()
              + ")");
    }
    requirePositive("callDeadline", callDeadline);
    if (drain == null || drain.isNegative()) {
      throw new IllegalArgumentException("drain must be zero or positive, was " + drain);
    }
    requirePositive("interval", interval);
  }

  /** {@code profile} with a 1 s interval and the drain equal to the call deadline. */
  public static DriverConfig of(LoadProfile profile, int maxInFlight, Duration callDeadline) {
    return new DriverConfig(profile, maxInFlight, callDeadline, callDeadline, DEFAULT_INTERVAL);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
