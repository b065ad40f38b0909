package dev.blazebench.load.profile;

import java.time.Duration;
import java.util.List;

/**
 * The load a run offers, resolved before it starts: an open model (a constant rate, a ramp, or
 * steps, as {@link RateSegment}s back to back) or a closed model (a fixed number of operations in
 * flight), with a warm-up before the measured part.
 *
 * <p>The warm-up of an open profile runs at the first segment's starting rate; that of a closed
 * profile at the same in-flight count. Operations whose intended start falls in the warm-up are
 * recorded apart and left out of the results (their count and length are reported).
 *
 * <pre>{@code
 * LoadProfile.constantRate(200, Duration.ofSeconds(30)).withWarmup(Duration.ofSeconds(10));
 * LoadProfile.open(List.of(RateSegment.ramp(100, 1000, Duration.ofSeconds(60))));
 * LoadProfile.closed(64, Duration.ofSeconds(30));
 * }</pre>
 */
public final class LoadProfile {

  private final LoadModel model;
  private final List<RateSegment> segments; // open model only
  private final int closedInFlight; // closed model only
  private final long measuredNanos;
  private final long warmupNanos;

  private LoadProfile(
      LoadModel model,
      List<RateSegment> segments,
      int closedInFlight,
      long measuredNanos,
      long warmupNanos) {
    this.model = model;
    this.segments = segments;
    this.closedInFlight = closedInFlight;
    this.measuredNanos = measuredNanos;
    this.warmupNanos = warmupNanos;
  }

  /** An open model of {@code segments} back to back, no warm-up. */
  public static LoadProfile open(List<RateSegment> segments) {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
    long total = 0;
    for (RateSegment segment : segments) {
      total = Math.addExact(total, segment.durationNanos());
    }
    return new LoadProfile(LoadModel.OPEN, List.copyOf(segments), 0, total, 0);
  }

  /** {@code rps} operations per second for {@code duration}. */
  public static LoadProfile constantRate(double rps, Duration duration) {
    if (!(rps > 0)) {
      throw new IllegalArgumentException("rps must be positive, was " + rps);
    }
    return open(List.of(RateSegment.constant(rps, duration)));
  }

  /** {@code inFlight} operations in flight at all times for {@code duration}. */
  public static LoadProfile closed(int inFlight, Duration duration) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, was " + duration);
    }
    return new LoadProfile(LoadModel.CLOSED, List.of(), inFlight, duration.toNanos(), 0);
  }

  /** This profile after a warm-up of {@code warmup} (zero: none). */
  public LoadProfile withWarmup(Duration warmup) {
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
    }
    return new LoadProfile(model, segments, closedInFlight, measuredNanos, warmup.toNanos());
  }

  public LoadModel model() {
    return model;
  }

  /** The open model's segments (empty for a closed model). */
  public List<RateSegment> segments() {
    return segments;
  }

  /** The closed model's in-flight count (0 for an open model). */
  public int closedInFlight() {
    return closedInFlight;
  }

  /** The measured part's length, warm-up excluded. */
  public long measuredNanos() {
    return measuredNanos;
  }

  public long warmupNanos() {
    return warmupNanos;
  }

  /**
   * The open model's mean target rate over the measured part (expected operations / duration); NaN
   * for a closed model, which has no target rate.
   */
  public double targetRps() {
    if (model == LoadModel.CLOSED) {
      return Double.NaN;
    }
    double operations = 0;
    for (RateSegment segment : segments) {
      operations += segment.expectedOperations();
    }
    return operations / (measuredNanos / 1e9);
  }

  /** The open model's schedule, warm-up first; throws for a closed model. */
  public Schedule schedule() {
    if (model != LoadModel.OPEN) {
      throw new IllegalStateException("a closed model has no schedule");
    }
    return new Schedule(this);
  }

  /** "open model: 200/s for 30s, after 10s warm-up", "closed model: 64 in flight for 30s". */
  public String describe() {
    StringBuilder text = new StringBuilder(model.label()).append(": ");
    if (model == LoadModel.CLOSED) {
      text.append(closedInFlight).append(" in flight for ").append(Durations.format(measuredNanos));
    } else {
      for (int i = 0; i < segments.size(); i++) {
        text.append(i == 0 ? "" : ", then ").append(segments.get(i).describe());
      }
    }
    if (warmupNanos > 0) {
      text.append(", after ").append(Durations.format(warmupNanos)).append(" warm-up");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
