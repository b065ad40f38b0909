package dev.blazebench.load.record;

import java.lang.management.ManagementFactory;

/**
 * CPU time a process has used, every thread, for CPU per operation and the injector's self-watch.
 */
@FunctionalInterface
public interface ProcessCpu {

  /** CPU time used by the process so far, all threads, in nanoseconds; -1 if unknown. */
  long processCpuNanos();

  /**
   * CPU time used so far, all threads and of those the JIT compiler threads, read at once; the
   * compilers' share unknown ({@link SchedstatCpu.Split#allOnly}) where they cannot be told apart;
   * null if unknown.
   */
  default SchedstatCpu.Split split() {
    long all = processCpuNanos();
    return all < 0 ? null : SchedstatCpu.Split.allOnly(all);
  }

  /**
   * This JVM's: to the nanosecond from the scheduler where Linux has it ({@link SchedstatCpu}),
   * else {@link #jvmTicks()}.
   */
  static ProcessCpu jvm() {
    return SchedstatCpu.of(ProcessHandle.current().pid())
        .<ProcessCpu>map(cpu -> cpu)
        .orElseGet(ProcessCpu::jvmTicks);
  }

  /**
   * This JVM's, from {@code com.sun.management.OperatingSystemMXBean} (on Linux in clock ticks of
   * 10 ms); -1 where unsupported.
   */
  static ProcessCpu jvmTicks() {
    java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun::getProcessCpuTime;
    }
    return () -> -1;
  }
}
