package dev.blazebench.harness.compare;

import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code blazebench relay} as a child process for {@code compare --delay}: one listener on
 * 127.0.0.1 per server port, each delaying both directions by the plan's delay. A process of its
 * own, so that the relay's CPU is counted neither as the driver's (compare's JVM) nor as the
 * server's. {@link #start} returns once the relay has named every route and printed its ready line.
 */
final class RelayProcess {

  /** {@code blazebench relay: 127.0.0.1:41234 -> 10.213.1.1:50051}. */
  private static final Pattern ROUTE =
      Pattern.compile("blazebench relay: (\\S+):(\\d+) -> (\\S+:\\d+)$");

  private static final String READY = "blazebench relay: ready";

  /** The relay's heap: it holds at most a few MiB per connection. */
  private static final List<String> RELAY_HEAP = List.of("-Xms256m", "-Xmx256m");

  private final Process process;
  private final Map<String, Integer> listenPortByTarget;
  private final Thread pump;

  private RelayProcess(Process process, Map<String, Integer> listenPortByTarget, Thread pump) {
    this.process = process;
    this.listenPortByTarget = listenPortByTarget;
    this.pump = pump;
  }

  /** The command: this JVM's java and class path running {@code blazebench relay}. */
  static List<String> command(Duration oneWay, List<String> targets) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(RELAY_HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("relay");
    command.add("--delay");
    command.add(oneWay.toMillis() + "ms");
    for (String target : targets) {
      command.add("--to");
      command.add(target);
    }
    return command;
  }

  /**
   * Starts a relay to each of {@code targets} ({@code HOST:PORT}), copying its output to {@code
   * log}, and waits up to {@code readyTimeout} for its routes and ready line.
   *
   * @throws CheckFailedException if the relay exits, stays silent or leaves a target out, naming
   *     the log
   */
  static RelayProcess start(Duration oneWay, List<String> targets, Path log, Duration readyTimeout)
      throws IOException, InterruptedException {
    Map<String, Integer> routes = new LinkedHashMap<>();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    ChildOutput child =
        ChildOutput.start(
            command(oneWay, targets),
            log,
            line -> {
              Matcher m = ROUTE.matcher(line);
              if (m.find()) {
                synchronized (routes) {
                  routes.put(m.group(3), Integer.parseInt(m.group(2)));
                }
              } else if (line.startsWith(READY)) {
                ready.complete(null);
              }
            },
            () -> ready.completeExceptionally(new IllegalStateException("relay output ended")),
            "blazebench-relay-log");
    Process process = child.process();
    try {
      ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      String why =
          e instanceof TimeoutException
              ? "did not print its ready line within " + TimeText.format(readyTimeout)
              : "exited before it was ready";
      throw new CheckFailedException("the delay relay " + why + "; see " + log);
    }
    Map<String, Integer> ports;
    synchronized (routes) {
      ports = Map.copyOf(routes);
    }
    for (String target : targets) {
      if (!ports.containsKey(target)) {
        process.destroyForcibly();
        throw new CheckFailedException(
            "the delay relay named no route to " + target + "; see " + log);
      }
    }
    return new RelayProcess(process, ports, child.pump());
  }

  /** The port on 127.0.0.1 that relays to {@code host:port}. */
  int listenPort(String host, int port) {
    Integer listen = listenPortByTarget.get(host + ":" + port);
    if (listen == null) {
      throw new IllegalArgumentException("no route to " + host + ":" + port);
    }
    return listen;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the relay: SIGTERM, then after two seconds SIGKILL. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    pump.join(1000);
  }
}
