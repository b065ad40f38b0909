package dev.blazebench.harness.compare;

import dev.blazebench.load.record.SchedstatCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

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

  /**
   * One reading: wall clock (epoch ms), cumulative CPU (ns) and of that the JIT compiler threads'
   * (-1 when unknown).
   */
  record Sample(long epochMillis, long cpuNanos, long jitNanos) {

    /** A reading of the CPU as a whole, the JIT's share unknown. */
    Sample(long epochMillis, long cpuNanos) {
      this(epochMillis, cpuNanos, -1);
    }
  }

  private final Supplier<SchedstatCpu.Split> cpu;
  private final LongSupplier epochMillis;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts sampling.
   *
   * @param cpu the process's cumulative CPU time and its JIT compilers' share, null if unknown
   * @param epochMillis the wall clock
   */
  CpuSampler(Supplier<SchedstatCpu.Split> cpu, LongSupplier epochMillis) {
    this.cpu = cpu;
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
    this.cpu = () -> null;
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
      SchedstatCpu.Split split = cpu.get();
      if (split != null && split.allNanos() >= 0) {
        samples.add(new Sample(now, split.allNanos(), split.jitCompilerNanos()));
      }
    }
  }

  /**
   * CPU used between {@code fromEpochMillis} and {@code toEpochMillis}, or -1 when the samples do
   * not cover that window (the process's CPU is unknown, or sampling had not started or stopped).
   */
  long cpuNanosBetween(long fromEpochMillis, long toEpochMillis) {
    return between(fromEpochMillis, toEpochMillis, Sample::cpuNanos);
  }

  /**
   * As {@link #cpuNanosBetween}, the JIT compiler threads' CPU only; -1 also when a sample does not
   * know it.
   */
  long jitNanosBetween(long fromEpochMillis, long toEpochMillis) {
    synchronized (samples) {
      for (Sample sample : samples) {
        if (sample.jitNanos() < 0) {
          return -1;
        }
      }
    }
    return between(fromEpochMillis, toEpochMillis, Sample::jitNanos);
  }

  private long between(long fromEpochMillis, long toEpochMillis, ToLongFunction<Sample> counter) {
    synchronized (samples) {
      if (samples.isEmpty()
          || samples.get(0).epochMillis() > fromEpochMillis
          || samples.get(samples.size() - 1).epochMillis() < toEpochMillis) {
        return -1;
      }
      return Math.max(0, valueAt(toEpochMillis, counter) - valueAt(fromEpochMillis, counter));
    }
  }

  /**
   * Cumulative {@code counter} at {@code epochMillis}, interpolated between the samples around it.
   */
  private long valueAt(long epochMillis, ToLongFunction<Sample> counter) {
    Sample before = samples.get(0);
    for (Sample sample : samples) {
      if (sample.epochMillis() >= epochMillis) {
        long value = counter.applyAsLong(sample);
        if (sample.epochMillis() == before.epochMillis()) {
          return value;
        }
        long valueBefore = counter.applyAsLong(before);
        double fraction =
            (double) (epochMillis - before.epochMillis())
                / (sample.epochMillis() - before.epochMillis());
        return valueBefore + Math.round(fraction * (value - valueBefore));
      }
      before = sample;
    }
    return counter.applyAsLong(before);
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
