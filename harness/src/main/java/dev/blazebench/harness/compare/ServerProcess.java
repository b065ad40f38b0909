package dev.blazebench.harness.compare;

import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.Main;
import dev.blazebench.load.record.SchedstatCpu;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server as a child process: {@code blazebench serve} on free ports over a fresh data
 * directory, started through a command prefix (e.g. {@code taskset -c 0}), its output copied to a
 * log file. {@link #start} returns once the server's ready line has named its ports.
 */
final class ServerProcess {

  /** {@code blazebench serve: ready grpc=127.0.0.1:50051 http=127.0.0.1:8080}. */
  private static final Pattern READY =
      Pattern.compile("blazebench serve: ready grpc=(\\S+):(\\d+) http=(\\S+):(\\d+)");

  private final Process process;
  private final String host;
  private final int grpcPort;
  private final int httpPort;
  private final Path log;
  private final Thread pump;
  private final SchedstatCpu schedstat; // null where there are no schedstat files

  private ServerProcess(
      Process process, String host, int grpcPort, int httpPort, Path log, Thread pump) {
    this.process = process;
    this.host = host;
    this.grpcPort = grpcPort;
    this.httpPort = httpPort;
    this.log = log;
    this.pump = pump;
    this.schedstat = SchedstatCpu.of(process.pid()).orElse(null);
  }

  /** The server JVM's heap options: 2 GB, fixed and touched at start. */
  static final List<String> SERVER_HEAP = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

  /**
   * The command that starts the server: {@code prefix}, then this JVM's java ({@link #SERVER_HEAP})
   * and class path running {@code blazebench serve} on 127.0.0.1 with ports chosen by the OS.
   */
  static List<String> command(List<String> prefix, Path dataDir) {
    return command(prefix, dataDir, System.getProperty("java.class.path"));
  }

  /**
   * As {@link #command(List, Path)}, with the server's classes from {@code classPath}: another
   * build's blazebench jar for {@code compare --baseline-jar}.
   */
  static List<String> command(List<String> prefix, Path dataDir, String classPath) {
    return command(prefix, dataDir, classPath, LOOPBACK);
  }

  /** The address the server listens on unless a shaped link gives another. */
  static final String LOOPBACK = "127.0.0.1";

  /**
   * As {@link #command(List, Path, String)}, listening on {@code host}: the address inside a shaped
   * link's namespace for {@code compare --link}.
   */
  static List<String> command(List<String> prefix, Path dataDir, String classPath, String host) {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A fixed, pre-touched heap, as benchmarks run a JVM: with the default heap (a quarter of the
    // memory, grown from 1/64) G1 resizes it during the rounds, which moves latency and CPU per
    // operation from round to round for reasons that have nothing to do with the APIs.
    command.addAll(SERVER_HEAP);
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "serve",
            "--host",
            host,
            "--grpc-port",
            "0",
            "--http-port",
            "0",
            "--data-dir",
            dataDir.toString(),
            // Running calls get this long when compare stops the server (the runs are over then).
            "--shutdown-grace",
            "2s"));
    return command;
  }

  /**
   * Starts {@code command}, copying its output to {@code log}, and waits up to {@code readyTimeout}
   * for the ready line.
   *
   * @throws CheckFailedException if the server exits or stays silent, naming the log
   */
  static ServerProcess start(List<String> command, Path log, Duration readyTimeout)
      throws IOException, InterruptedException {
    CompletableFuture<Matcher> ready = new CompletableFuture<>();
    ChildOutput child =
        ChildOutput.start(
            command,
            log,
            line -> {
              Matcher m = READY.matcher(line);
              if (!ready.isDone() && m.find()) {
                ready.complete(m);
              }
            },
            () -> ready.completeExceptionally(new IllegalStateException("server output ended")),
            "blazebench-server-log");
    Process process = child.process();
    Matcher listeners;
    try {
      listeners = ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      String why =
          e instanceof TimeoutException
              ? "did not print its ready line within " + TimeText.format(readyTimeout)
              : "exited before it was ready (exit " + exitCodeOf(process) + ")";
      throw new CheckFailedException("the reference server " + why + "; see " + log);
    }
    return new ServerProcess(
        process,
        listeners.group(1),
        Integer.parseInt(listeners.group(2)),
        Integer.parseInt(listeners.group(4)),
        log,
        child.pump());
  }

  private static String exitCodeOf(Process process) {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  String host() {
    return host;
  }

  int grpcPort() {
    return grpcPort;
  }

  int httpPort() {
    return httpPort;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** How the server ended, for a message: "exit N", with what {@code serve}'s codes mean. */
  String exitDescription() {
    String code = exitCodeOf(process);
    return code.equals(Integer.toString(ExitCodes.STORE_FAILED))
        ? "exit " + code + ": its store failed"
        : "exit " + code;
  }

  /**
   * CPU time the server process has used so far, every thread, user and system, and the share of
   * its JIT compiler threads: on Linux to the nanosecond from the scheduler ({@link SchedstatCpu}),
   * else from {@link ProcessHandle.Info} (on Linux /proc/PID/stat, in clock ticks of 10 ms; the
   * JIT's share unknown); null where the OS does not say.
   */
  SchedstatCpu.Split cpu() {
    if (schedstat != null) {
      SchedstatCpu.Split split = schedstat.read();
      if (split != null) {
        return split;
      }
    }
    return process
        .info()
        .totalCpuDuration()
        .map(cpu -> SchedstatCpu.Split.allOnly(cpu.toNanos()))
        .orElse(null);
  }

  /**
   * Stops the server: SIGTERM (a graceful stop that closes the store), then, after {@code grace},
   * SIGKILL. Returns its exit code, or -1 if it had to be killed.
   */
  int stop(Duration grace) throws InterruptedException {
    if (!process.isAlive()) {
      pump.join(1000);
      return process.exitValue();
    }
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      pump.join(1000);
      return process.exitValue();
    }
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
    return -1;
  }
}
