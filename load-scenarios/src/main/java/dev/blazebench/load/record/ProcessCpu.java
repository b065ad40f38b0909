package dev.blazebench.load.record;

import java.lang.management.ManagementFactory;

/** CPU time the injector's own process has used, for its self-watch. */
@FunctionalInterface
public interface ProcessCpu {

  /** CPU time used by this process so far, all threads, in nanoseconds; -1 if unknown. */
  long processCpuNanos();

  /** This JVM's, from {@code com.sun.management.OperatingSystemMXBean}; -1 where unsupported. */
  static ProcessCpu jvm() {
    java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun::getProcessCpuTime;
    }
    return () -> -1;
  }
}
