package dev.blazebench.load.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The machine and software a driver ran on, so a number can be read with its context: absolute
 * times are a property of the machine.
 *
 * @param gitSha the checkout's commit, or null when not run from a git checkout
 * @param jvm the JVM's name, version and vendor
 * @param os operating system name and version
 * @param arch CPU architecture
 * @param cores cores available to the JVM
 * @param cpuModel from /proc/cpuinfo, or null where there is none
 * @param hostName the host's name, or null if unknown
 * @param startTime when the measured part began (ISO-8601 UTC)
 */
public record Environment(
    String gitSha,
    String jvm,
    String os,
    String arch,
    int cores,
    String cpuModel,
    String hostName,
    String startTime) {

  /** This machine, now; the commit is looked up from {@code workDir} upwards. */
  public static Environment detect(Path workDir, Instant measuredStart) {
    return new Environment(
        GitCommit.find(workDir),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        readHostName(),
        measuredStart.toString());
  }

  private static String readCpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the model stays unknown.
    }
    return null;
  }

  private static String readHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }
}
