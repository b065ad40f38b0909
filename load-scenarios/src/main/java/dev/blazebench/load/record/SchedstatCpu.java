package dev.blazebench.load.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A process's CPU time to the nanosecond, on Linux: the sum of its threads' run time as the
 * scheduler counts it ({@code /proc/PID/task/TID/schedstat}, first field, in ns).
 *
 * <p>Why not {@code /proc/PID/stat} or the JVM's {@code getProcessCpuTime()}: both count in clock
 * ticks of 10 ms. A compare round of get-one uses about 140 ms of server CPU, so one tick either
 * way moves its CPU per operation by 7%, more than the change the gate should find; the scheduler's
 * count has no such step.
 *
 * <p>Threads that end are kept: their last run time read is added to a running total when they
 * disappear, so the sum never goes down. What a thread ran between its last read and its end, and
 * threads that start and end between two reads, are lost; read often (as {@code compare}'s sampler
 * does, every 50 ms) and for a JVM with long-lived threads that is next to nothing.
 */
public final class SchedstatCpu implements ProcessCpu {

  private final Path taskDir;
  private final Map<String, Long> lastRuntimeByThread = new HashMap<>();
  private long endedThreadsNanos;

  SchedstatCpu(Path taskDir) {
    this.taskDir = taskDir;
  }

  /**
   * The reader for process {@code pid}, if this system has per-thread schedstat files ({@code
   * /proc/PID/task/TID/schedstat}, Linux with scheduler statistics) and one can be read now.
   */
  public static Optional<SchedstatCpu> of(long pid) {
    return of(Path.of("/proc", Long.toString(pid), "task"));
  }

  static Optional<SchedstatCpu> of(Path taskDir) {
    if (!Files.isDirectory(taskDir)) {
      return Optional.empty();
    }
    SchedstatCpu cpu = new SchedstatCpu(taskDir);
    return cpu.processCpuNanos() > 0 ? Optional.of(cpu) : Optional.empty();
  }

  /**
   * Run time of every thread so far, ended threads included, in ns; -1 once the process is gone.
   */
  @Override
  public synchronized long processCpuNanos() {
    Map<String, Long> now = new HashMap<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(taskDir)) {
      for (Path thread : threads) {
        long runtime = runtimeNanos(thread.resolve("schedstat"));
        if (runtime >= 0) {
          now.put(thread.getFileName().toString(), runtime);
        }
      }
    } catch (IOException e) {
      return -1; // the process has ended
    }
    for (Map.Entry<String, Long> before : lastRuntimeByThread.entrySet()) {
      if (!now.containsKey(before.getKey())) {
        endedThreadsNanos += before.getValue();
      }
    }
    lastRuntimeByThread.clear();
    lastRuntimeByThread.putAll(now);
    long sum = endedThreadsNanos;
    for (long runtime : now.values()) {
      sum += runtime;
    }
    return sum;
  }

  /** The first field of a schedstat file; -1 when the thread ended before it could be read. */
  private static long runtimeNanos(Path schedstat) {
    try {
      String text = Files.readString(schedstat, StandardCharsets.US_ASCII).trim();
      int space = text.indexOf(' ');
      return Long.parseLong(space < 0 ? text : text.substring(0, space));
    } catch (IOException | NumberFormatException e) {
      return -1; // NoSuchFileException: the thread ended between the listing and the read
    }
  }
}
