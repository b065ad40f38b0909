package dev.blazebench.load.profile;

import java.time.Duration;

/**
 * One piece of an open-model load profile: the arrival rate moves linearly from {@code fromRps} to
 * {@code toRps} over {@code durationNanos} (equal rates: a constant rate; a list of constants:
 * steps).
 *
 * @param fromRps operations per second at the start of the segment, at least 0
 * @param toRps operations per second at its end, at least 0
 * @param durationNanos its length, positive
 */
public record RateSegment(double fromRps, double toRps, long durationNanos) {

  public RateSegment {
    checkRate("fromRps", fromRps);
    checkRate("toRps", toRps);
    if (durationNanos <= 0) {
      throw new IllegalArgumentException("durationNanos must be positive, was " + durationNanos);
    }
  }

  /** {@code rps} operations per second for {@code duration}. */
  public static RateSegment constant(double rps, Duration duration) {
    return new RateSegment(rps, rps, duration.toNanos());
  }

  /** From {@code fromRps} to {@code toRps}, linearly, over {@code duration}. */
  public static RateSegment ramp(double fromRps, double toRps, Duration duration) {
    return new RateSegment(fromRps, toRps, duration.toNanos());
  }

  /**
   * The number of operations this segment schedules, as a real number (the area under the rate).
   */
  public double expectedOperations() {
    return (fromRps + toRps) / 2 * durationNanos / 1e9;
  }

  /**
   * Nanoseconds from the segment's start until {@code operations} operations have been due; must be
   * between 0 and {@link #expectedOperations()}.
   */
  long nanosUntil(double operations) {
    if (operations <= 0) {
      return 0;
    }
    double seconds = durationNanos / 1e9;
    // Operations due by s seconds: fromRps*s + (toRps-fromRps)/(2*seconds)*s^2. Solved for s in the
    // form 2m / (b + sqrt(b^2 + 4am)), which stays exact when a is 0 (a constant rate) and when b
    // is 0 (a ramp from zero), where the textbook form divides by zero or cancels digits.
    double a = (toRps - fromRps) / (2 * seconds);
    double b = fromRps;
    double discriminant = Math.max(0, b * b + 4 * a * operations);
    double s = 2 * operations / (b + Math.sqrt(discriminant));
    return Math.round(s * 1e9);
  }

  /** "200/s for 30s", "100/s to 400/s over 10s". */
  public String describe() {
    String over = Durations.format(durationNanos);
    if (fromRps == toRps) {
      return Rates.format(fromRps) + " for " + over;
    }
    return Rates.format(fromRps) + " to " + Rates.format(toRps) + " over " + over;
  }

  private static void checkRate(String name, double rps) {
    if (!(rps >= 0) || Double.isInfinite(rps)) {
      throw new IllegalArgumentException(name + " must be a finite rate >= 0, was " + rps);
    }
  }
}
