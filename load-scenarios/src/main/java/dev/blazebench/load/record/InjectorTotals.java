package dev.blazebench.load.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The injector's own use of the machine over the measured part, and the verdict drawn from it.
 *
 * @param cpuNanos CPU time the process used, all threads; -1 if unknown
 * @param cpuWithoutJitNanos of that, what was not its JIT compiler threads' (all of it where they
 *     cannot be told apart): the driver's work on the calls, for CPU per call; -1 if unknown
 * @param wallNanos the measured part's wall time (drain included)
 * @param cores cores available to the process
 * @param dispatchLag how late operations went out against their intended start, µs, leaving out
 *     those held back by the in-flight cap (that wait is the server's doing)
 * @param heap the process's heap peaks (the client's memory for what it received)
 */
public record InjectorTotals(
    long cpuNanos,
    long cpuWithoutJitNanos,
    long wallNanos,
    int cores,
    Histogram dispatchLag,
    HeapGauge.HeapPeaks heap) {

  /** Above this fraction of all cores, the injector may be starving itself or the server. */
  public static final double SATURATED_CPU_FRACTION = 0.90;

  /**
   * Above this p99 dispatch lag the schedule was not kept: the injector could not send on time, so
   * the offered load was lower and burstier than asked. 5 ms: parking a thread oversleeps by tens
   * of microseconds and a young-generation GC pause takes a few milliseconds, neither of which
   * means the injector is the bottleneck.
   */
  public static final long SATURATED_DISPATCH_LAG_P99_MICROS = 5_000;

  /** CPU time over wall time × cores, 0..1; NaN if unknown. */
  public double cpuFraction() {
    if (cpuNanos < 0 || wallNanos <= 0) {
      return Double.NaN;
    }
    return (double) cpuNanos / ((double) wallNanos * cores);
  }

  /** "ok", or "injector saturated" and why. */
  public Verdict verdict() {
    return Verdict.judge(cpuFraction(), dispatchLag.getValueAtPercentile(99.0));
  }

  /**
   * Whether the injector was the bottleneck.
   *
   * @param saturated true if any reason holds
   * @param reasons each threshold crossed, with the measured value
   */
  public record Verdict(boolean saturated, List<String> reasons) {

    public Verdict {
      reasons = List.copyOf(reasons);
    }

    /** The verdict for these measurements (NaN CPU: unknown, not judged). */
    public static Verdict judge(double cpuFraction, long dispatchLagP99Micros) {
      List<String> reasons = new ArrayList<>();
      if (cpuFraction > SATURATED_CPU_FRACTION) {
        reasons.add(
            String.format(
                Locale.US,
                "injector CPU %.0f%% of all cores (limit %.0f%%)",
                cpuFraction * 100,
                SATURATED_CPU_FRACTION * 100));
      }
      if (dispatchLagP99Micros > SATURATED_DISPATCH_LAG_P99_MICROS) {
        reasons.add(
            String.format(
                Locale.US,
                "dispatch lag p99 %d us behind schedule (limit %d us)",
                dispatchLagP99Micros,
                SATURATED_DISPATCH_LAG_P99_MICROS));
      }
      return new Verdict(!reasons.isEmpty(), reasons);
    }

    /** "ok" or "injector saturated". */
    public String label() {
      return saturated ? "injector saturated" : "ok";
    }
  }
}
