package dev.blazebench.load.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The intended start time of every operation of an open {@link LoadProfile}, in nanoseconds from
 * the start of the run (the start of the warm-up). Operation {@code n} (from 0) is due when the
 * profile's rate, integrated from the start, reaches {@code n}: at a constant 200/s, operation n is
 * due at n × 5 ms exactly, however late the previous ones were sent or answered.
 *
 * <p>That is wrk2's model. The expected start of each operation comes from the schedule, never from
 * when the previous operation happened to go out, so a server stall cannot slow the schedule down
 * and hide itself (coordinated omission).
 *
 * <p>Meant to be read in increasing order of {@code n} by one thread; each call is O(1) amortised.
 */
public final class Schedule {

  /** {@link #intendedStartNanos} of an operation past the end of the profile. */
  public static final long END = Long.MAX_VALUE;

  private final List<RateSegment> segments = new ArrayList<>();
  private final long[] segmentStartNanos;
  private final double[] operationsBefore; // operations due before each segment starts
  private final long warmupNanos;
  private final long endNanos;
  private int cursor;

  Schedule(LoadProfile profile) {
    if (profile.warmupNanos() > 0) {
      double warmupRps = profile.segments().get(0).fromRps();
      segments.add(new RateSegment(warmupRps, warmupRps, profile.warmupNanos()));
    }
    segments.addAll(profile.segments());
    segmentStartNanos = new long[segments.size()];
    operationsBefore = new double[segments.size() + 1];
    long start = 0;
    for (int i = 0; i < segments.size(); i++) {
      segmentStartNanos[i] = start;
      operationsBefore[i + 1] = operationsBefore[i] + segments.get(i).expectedOperations();
      start += segments.get(i).durationNanos();
    }
    warmupNanos = profile.warmupNanos();
    endNanos = start;
  }

  /**
   * When operation {@code n} is due, in nanoseconds from the run's start, or {@link #END} if the
   * profile ends before it.
   */
  public long intendedStartNanos(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    if (n < operationsBefore[cursor]) {
      cursor = 0; // reading backwards: rare (tests), so start over
    }
    while (cursor < segments.size() && n >= operationsBefore[cursor + 1]) {
      cursor++;
    }
    if (cursor == segments.size()) {
      return END;
    }
    long offset = segments.get(cursor).nanosUntil(n - operationsBefore[cursor]);
    long intended = segmentStartNanos[cursor] + offset;
    // Rounding at a segment's end may reach its last nanosecond or beyond; keep the order anyway.
    return intended >= endNanos ? END : intended;
  }

  /** Where the warm-up ends and measurement begins, in nanoseconds from the run's start. */
  public long warmupNanos() {
    return warmupNanos;
  }

  /** The end of the profile (warm-up included), in nanoseconds from the run's start. */
  public long endNanos() {
    return endNanos;
  }
}
