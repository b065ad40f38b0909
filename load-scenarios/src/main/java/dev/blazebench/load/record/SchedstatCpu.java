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
 *
 * <p>{@link #read} also tells apart the time of a HotSpot JVM's JIT compiler threads (named {@code
 * C1 CompilerThreadN}, {@code C2 CompilerThreadN} or {@code JVMCI CompilerThreadN}, seen by the
 * kernel cut to 15 characters). A server that has not finished compiling spends much of its CPU
 * there: in a {@code compare} of get-one at 200 calls/s here, its compiler threads used more CPU
 * than all the threads serving the calls, round after round, and by how much changed from run to
 * run. That is warm-up, not a cost per call, so {@code compare} reports it apart.
 */
public final class SchedstatCpu implements ProcessCpu {

  /**
   * CPU time of a process so far, in ns: all threads, and of those the JIT compiler threads ({@code
   * jitCompilerNanos} -1 where that share is unknown, as from a source that counts the process as a
   * whole).
   */
  public record Split(long allNanos, long jitCompilerNanos) {

    /** A process's CPU time as a whole, its JIT compilers' share unknown. */
    public static Split allOnly(long allNanos) {
      return new Split(allNanos, -1);
    }

    public boolean jitKnown() {
      return jitCompilerNanos >= 0;
    }

    /** Everything but the JIT compilers; everything when their share is unknown. */
    public long withoutJitNanos() {
      return jitKnown() ? allNanos - jitCompilerNanos : allNanos;
    }
  }

  private final Path taskDir;
  private final Map<String, Long> lastRuntimeByThread = new HashMap<>();

  /** Whether each thread seen is a JIT compiler thread (its name read once). */
  private final Map<String, Boolean> compilerByThread = new HashMap<>();

  private long endedThreadsNanos;
  private long endedCompilerThreadsNanos;

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
  public long processCpuNanos() {
    Split split = read();
    return split == null ? -1 : split.allNanos();
  }

  /**
   * Run time so far of every thread and of the JIT compiler threads, ended threads included; null
   * once the process is gone.
   */
  public synchronized Split read() {
    return readThreads();
  }

  @Override
  public Split split() {
    return read();
  }

  private Split readThreads() {
    Map<String, Long> now = new HashMap<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(taskDir)) {
      for (Path thread : threads) {
        long runtime = runtimeNanos(thread.resolve("schedstat"));
        if (runtime >= 0) {
          String tid = thread.getFileName().toString();
          now.put(tid, runtime);
          compilerByThread.computeIfAbsent(tid, t -> isJitCompiler(thread));
        }
      }
    } catch (IOException e) {
      return null; // the process has ended
    }
    for (Map.Entry<String, Long> before : lastRuntimeByThread.entrySet()) {
      if (!now.containsKey(before.getKey())) {
        endedThreadsNanos += before.getValue();
        if (Boolean.TRUE.equals(compilerByThread.remove(before.getKey()))) {
          endedCompilerThreadsNanos += before.getValue();
        }
      }
    }
    lastRuntimeByThread.clear();
    lastRuntimeByThread.putAll(now);
    long all = endedThreadsNanos;
    long compilers = endedCompilerThreadsNanos;
    for (Map.Entry<String, Long> thread : now.entrySet()) {
      all += thread.getValue();
      if (Boolean.TRUE.equals(compilerByThread.get(thread.getKey()))) {
        compilers += thread.getValue();
      }
    }
    return new Split(all, compilers);
  }

  /** Whether the thread's name ({@code comm}) is a HotSpot JIT compiler thread's. */
  private static boolean isJitCompiler(Path thread) {
    try {
      String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).trim();
      return name.startsWith("C1 CompilerThre")
          || name.startsWith("C2 CompilerThre")
          || name.startsWith("JVMCI CompilerT");
    } catch (IOException e) {
      return false; // ended, or no name to read: counted as an ordinary thread
    }
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
