package dev.blazebench.load.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The injector watching itself: how late it dispatched operations against their intended start
 * (when not held back by the in-flight cap, lateness is the injector's own fault: a busy thread, a
 * GC pause, a core shared with the server) and how much CPU its process used. {@link
 * InjectorTotals#verdict()} turns that into "injector saturated" when the numbers say the injector,
 * not the server, was the bottleneck.
 */
public final class InjectorMonitor {

  private final ProcessCpu cpu;
  private final int cores;
  private final HeapGauge heap;
  private final Recorder dispatchLag = new Recorder(LatencyUnits.SIGNIFICANT_DIGITS);
  private final Histogram dispatchLagTotal = OperationRecorder.newHistogram();
  private Histogram dispatchLagInterval;
  private long startNanos;
  private long startCpuNanos;
  private long startCpuWithoutJitNanos;
  private long intervalStartNanos;
  private long intervalStartCpuNanos;

  /**
   * @param cpu the process's CPU time
   * @param cores the cores this process may use ({@code Runtime.availableProcessors()})
   * @param heap the process's heap
   */
  public InjectorMonitor(ProcessCpu cpu, int cores, HeapGauge heap) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be at least 1, was " + cores);
    }
    this.cpu = cpu;
    this.cores = cores;
    this.heap = heap;
  }

  /** Measurement starts now. */
  public void start(long nowNanos) {
    startNanos = nowNanos;
    SchedstatCpu.Split split = cpu.split();
    startCpuNanos = split == null ? -1 : split.allNanos();
    startCpuWithoutJitNanos = split == null ? -1 : split.withoutJitNanos();
    intervalStartNanos = nowNanos;
    intervalStartCpuNanos = startCpuNanos;
    heap.start();
  }

  /** An operation went out {@code lagNanos} after its intended start, through no cap's fault. */
  public void recordDispatchLag(long lagNanos) {
    dispatchLag.recordValue(LatencyUnits.nanosToMicros(lagNanos));
  }

  /**
   * Closes an interval: returns the CPU used since the last one as a fraction of all cores (NaN if
   * unknown) and the interval's dispatch-lag histogram (valid until the next call).
   */
  public Interval sampleInterval(long nowNanos) {
    long cpuNanos = cpu.processCpuNanos();
    double fraction = cpuFraction(cpuNanos - intervalStartCpuNanos, nowNanos - intervalStartNanos);
    if (cpuNanos < 0 || intervalStartCpuNanos < 0) {
      fraction = Double.NaN;
    }
    intervalStartNanos = nowNanos;
    intervalStartCpuNanos = cpuNanos;
    heap.sample();
    dispatchLagInterval = dispatchLag.getIntervalHistogram(dispatchLagInterval);
    dispatchLagTotal.add(dispatchLagInterval);
    return new Interval(fraction, dispatchLagInterval);
  }

  /** The measured part is over: CPU from {@link #start} to now, and the whole lag histogram. */
  public InjectorTotals finish(long nowNanos) {
    sampleInterval(nowNanos);
    SchedstatCpu.Split end = cpu.split();
    long cpuNanos = startCpuNanos < 0 || end == null ? -1 : end.allNanos() - startCpuNanos;
    long cpuWithoutJitNanos =
        startCpuWithoutJitNanos < 0 || end == null
            ? -1
            : end.withoutJitNanos() - startCpuWithoutJitNanos;
    return new InjectorTotals(
        cpuNanos,
        cpuWithoutJitNanos,
        nowNanos - startNanos,
        cores,
        dispatchLagTotal.copy(),
        heap.finish());
  }

  private double cpuFraction(long cpuNanos, long wallNanos) {
    return wallNanos <= 0 ? Double.NaN : (double) cpuNanos / ((double) wallNanos * cores);
  }

  /**
   * One interval of the self-watch.
   *
   * @param cpuFraction CPU used over wall time × cores, 0..1, NaN if unknown
   * @param dispatchLag lateness of dispatch in µs
   */
  public record Interval(double cpuFraction, Histogram dispatchLag) {}
}
