package dev.blazebench.harness.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average, recorded beside the numbers: on a shared machine it says how much of
 * the CPUs the benchmarks had.
 */
final class LoadAverage {

  private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

  private LoadAverage() {}

  /** "1-min 5-min 15-min" from {@code /proc/loadavg}, or "unknown" where there is none. */
  static String read() {
    try {
      String[] fields = Files.readString(PROC_LOADAVG).trim().split("\\s+");
      return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
    } catch (IOException | SecurityException e) {
      return "unknown";
    }
  }
}
