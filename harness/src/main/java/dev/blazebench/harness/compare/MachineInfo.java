package dev.blazebench.harness.compare;

import dev.blazebench.load.results.Environment;
import dev.blazebench.reports.model.Placement;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine and build a compare measured, taken once at its start (before this JVM is pinned to
 * the driver's CPUs, so {@code cores} counts the machine's), for results.json's environment.
 *
 * @param load the load driver's view of the machine: git sha, JVM, OS, arch, cores, CPU model, host
 * @param gitDirty whether the checkout had uncommitted changes, null if git could not say
 * @param memoryBytes physical memory, -1 if unknown
 * @param loadAverage the 1-minute load average before the run, -1 if unknown
 */
record MachineInfo(Environment load, Boolean gitDirty, long memoryBytes, double loadAverage) {

  /** This machine, now; the checkout's git state from {@code checkout}. */
  static MachineInfo detect(Path checkout) {
    return new MachineInfo(
        Environment.detect(checkout, Instant.now()),
        gitDirty(checkout),
        readMemoryBytes(),
        readLoadAverage());
  }

  /** results.json's environment, over loopback (the caller adds a shaped link it used). */
  dev.blazebench.reports.model.Environment environment(
      Instant startedAt, Instant finishedAt, Placement placement) {
    return new dev.blazebench.reports.model.Environment(
        load.gitSha(),
        gitDirty,
        load.jvm(),
        System.getProperty("java.version"),
        load.os(),
        load.arch(),
        load.cores(),
        load.cpuModel(),
        memoryBytes,
        load.hostName(),
        startedAt,
        finishedAt,
        placement,
        null);
  }

  private static Boolean gitDirty(Path checkout) {
    try {
      Process git =
          new ProcessBuilder(List.of("git", "status", "--porcelain", "--untracked-files=no"))
              .directory(checkout.toFile())
              .redirectErrorStream(true)
              .start();
      git.getOutputStream().close();
      byte[] output = git.getInputStream().readAllBytes();
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
        git.destroyForcibly();
        return null;
      }
      return !new String(output, StandardCharsets.UTF_8).isBlank();
    } catch (IOException e) {
      return null; // no git
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long readMemoryBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  /** The 1-minute load average from /proc/loadavg, -1 where there is none. */
  static double readLoadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return Double.parseDouble(fields[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
