package dev.blazebench.harness.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a process's cumulative CPU time on a background thread, so that the CPU it used in any
 * window of wall-clock time can be read afterwards. {@code compare} reads the server's CPU over
 * each load run's measured part only (the load results say when it started and how long it ran),
 * leaving out the unmeasured connect, prepare and warm-up around it.
 *
 * <p>Between samples the CPU is interpolated linearly; the samples are {@value #PERIOD_MILLIS} ms
 * apart and Linux counts process CPU in 10 ms ticks, so a window's figure is good to a few tens of
 * milliseconds of CPU: read it over runs of seconds, not milliseconds.
 */
final class CpuSampler implements AutoCloseable {

  static final long PERIOD_MILLIS = 50;

  /** One reading: wall clock (epoch ms) and cumulative CPU (ns). */
  record Sample(long epochMillis, long cpuNanos) {}

  private final LongSupplier cpuNanos;
  private final LongSupplier epochMillis;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts sampling.
   *
   * @param cpuNanos the process's cumulative CPU time, -1 if unknown
   * @param epochMillis the wall clock
   */
  CpuSampler(LongSupplier cpuNanos, LongSupplier epochMillis) {
    this.cpuNanos = cpuNanos;
    this.epochMillis = epochMillis;
    this.thread = new Thread(this::loop, "blazebench-cpu-sampler");
    thread.setDaemon(true);
    sample();
    thread.start();
  }

  /** For tests: samples given in order, no thread. */
  static CpuSampler of(List<Sample> given) {
    return new CpuSampler(given);
  }

  private CpuSampler(List<Sample> given) {
    this.cpuNanos = () -> -1;
    this.epochMillis = () -> 0;
    this.samples.addAll(given);
    this.thread = null;
    this.running = false;
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  /** Takes one sample now (also called at the end of each run, so the window is covered). */
  void sample() {
    // Read and appended under the lock: two threads sampling at once must not append out of order,
    // or the last sample could be older than the window it is meant to close.
    synchronized (samples) {
      long now = epochMillis.getAsLong();
      long cpu = cpuNanos.getAsLong();
      if (cpu >= 0) {
        samples.add(new Sample(now, cpu));
      }
    }
  }

  /**
   * CPU used between {@code fromEpochMillis} and {@code toEpochMillis}, or -1 when the samples do
   * not cover that window (the process's CPU is unknown, or sampling had not started or stopped).
   */
  long cpuNanosBetween(long fromEpochMillis, long toEpochMillis) {
    synchronized (samples) {
      if (samples.isEmpty()
          || samples.get(0).epochMillis() > fromEpochMillis
          || samples.get(samples.size() - 1).epochMillis() < toEpochMillis) {
        return -1;
      }
      return Math.max(0, cpuAt(toEpochMillis) - cpuAt(fromEpochMillis));
    }
  }

  /** Cumulative CPU at {@code epochMillis}, interpolated between the samples around it. */
  private long cpuAt(long epochMillis) {
    Sample before = samples.get(0);
    for (Sample sample : samples) {
      if (sample.epochMillis() >= epochMillis) {
        if (sample.epochMillis() == before.epochMillis()) {
          return sample.cpuNanos();
        }
        double fraction =
            (double) (epochMillis - before.epochMillis())
                / (sample.epochMillis() - before.epochMillis());
        return before.cpuNanos() + Math.round(fraction * (sample.cpuNanos() - before.cpuNanos()));
      }
      before = sample;
    }
    return before.cpuNanos();
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
