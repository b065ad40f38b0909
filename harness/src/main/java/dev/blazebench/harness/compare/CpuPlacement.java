package dev.blazebench.harness.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Where the server and the load driver run. With {@code taskset} and at least two CPUs, the server
 * gets the first CPU this process may use and the driver (this JVM, every thread) the others, so
 * neither measures the other's work; otherwise they share the cores and the report says so.
 *
 * @param pinned true when both are bound to separate CPUs
 * @param serverCpus the server's CPU list (taskset syntax), null if not pinned
 * @param driverCpus the driver's CPU list, null if not pinned
 * @param note a sentence for results.json saying how or why not
 * @param serverCommandPrefix what goes before the server's java command ({@code taskset -c 0}), or
 *     nothing
 */
record CpuPlacement(
    boolean pinned,
    String serverCpus,
    String driverCpus,
    String note,
    List<String> serverCommandPrefix) {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  /**
   * Decides and applies the placement: pins this JVM's threads to the driver CPUs with {@code
   * taskset -a -p} (threads started later inherit it), and returns the prefix that starts the
   * server on its CPU.
   */
  static CpuPlacement pinThisProcess() {
    List<Integer> cpus = allowedCpus();
    String taskset = findTaskset();
    CpuPlacement plan = decide(cpus, taskset);
    if (!plan.pinned()) {
      return plan;
    }
    long pid = ProcessHandle.current().pid();
    String failure =
        runQuietly(List.of(taskset, "-a", "-c", "-p", plan.driverCpus(), Long.toString(pid)));
    if (failure != null) {
      return unpinned(
          "server and driver share CPUs "
              + formatCpuList(cpus)
              + ": 'taskset -a -c -p' on the driver failed ("
              + failure
              + ")");
    }
    return plan;
  }

  /**
   * Gives this JVM's threads back every CPU in {@code cpus}, e.g. before the codec benchmarks,
   * whose JMH child JVMs would otherwise inherit the driver's CPUs. Returns null, or what went
   * wrong.
   */
  static String unpinThisProcess(List<Integer> cpus) {
    String taskset = findTaskset();
    if (taskset == null) {
      return "taskset was not found";
    }
    return runQuietly(
        List.of(
            taskset,
            "-a",
            "-c",
            "-p",
            formatCpuList(cpus),
            Long.toString(ProcessHandle.current().pid())));
  }

  /**
   * The placement for a process allowed {@code cpus}, with {@code taskset} at {@code tasksetPath}
   * (null if there is none).
   */
  static CpuPlacement decide(List<Integer> cpus, String tasksetPath) {
    if (tasksetPath == null) {
      return unpinned(
          "server and driver share CPUs "
              + formatCpuList(cpus)
              + ": taskset was not found (Debian: apt-get install util-linux)");
    }
    if (cpus.size() < 2) {
      return unpinned(
          "server and driver share CPU "
              + formatCpuList(cpus)
              + ": this process may use only one CPU, so there is nothing to separate them on");
    }
    String server = formatCpuList(cpus.subList(0, 1));
    String driver = formatCpuList(cpus.subList(1, cpus.size()));
    return new CpuPlacement(
        true,
        server,
        driver,
        "server pinned to CPU " + server + " and driver to CPU " + driver + " with taskset",
        List.of(tasksetPath, "-c", server));
  }

  /** Servers compare did not start: where they run is up to whoever started them. */
  static CpuPlacement external() {
    return unpinned(
        "servers given with --target: compare started no server and pinned none to a CPU; where"
            + " they run (their CPUs, their limits) is up to whoever started them, and their CPU"
            + " time is not measured");
  }

  private static CpuPlacement unpinned(String note) {
    return new CpuPlacement(false, null, null, note, List.of());
  }

  /** The CPUs this process may run on (Linux's Cpus_allowed_list), else 0..n-1. */
  static List<Integer> allowedCpus() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.UTF_8)) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return parseCpuList(line.substring(line.indexOf(':') + 1).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: fall back to the count the JVM sees.
    }
    List<Integer> cpus = new ArrayList<>();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      cpus.add(i);
    }
    return cpus;
  }

  /** "0-2,5" to [0, 1, 2, 5]. */
  static List<Integer> parseCpuList(String text) {
    TreeSet<Integer> cpus = new TreeSet<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int dash = p.indexOf('-');
      if (dash < 0) {
        cpus.add(Integer.parseInt(p));
      } else {
        int from = Integer.parseInt(p.substring(0, dash));
        int to = Integer.parseInt(p.substring(dash + 1));
        for (int cpu = from; cpu <= to; cpu++) {
          cpus.add(cpu);
        }
      }
    }
    return List.copyOf(cpus);
  }

  /** [0, 1, 2, 5] to "0-2,5". */
  static String formatCpuList(List<Integer> cpus) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < cpus.size()) {
      int j = i;
      while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
        j++;
      }
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(cpus.get(i));
      if (j > i) {
        text.append('-').append(cpus.get(j));
      }
      i = j + 1;
    }
    return text.toString();
  }

  private static String findTaskset() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "taskset");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /** Runs {@code command}; null if it exited 0, else what went wrong. */
  private static String runQuietly(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "no answer within 10 s";
      }
      return process.exitValue() == 0
          ? null
          : "exit "
              + process.exitValue()
              + ": "
              + new String(output, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
