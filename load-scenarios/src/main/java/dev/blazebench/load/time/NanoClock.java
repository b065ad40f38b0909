package dev.blazebench.load.time;

/**
 * The driver's monotonic time source, in nanoseconds from an arbitrary origin. Production uses
 * {@link #system()}; tests pass a manual clock so that schedules, stalls and deadlines are
 * exercised without sleeping (grpc-java's {@code FakeClock} habit).
 */
@FunctionalInterface
public interface NanoClock {

  /** Now, in nanoseconds; only differences between two readings mean anything. */
  long nanoTime();

  /** {@link System#nanoTime()}. */
  static NanoClock system() {
    return System::nanoTime;
  }
}
