package dev.blazebench.harness.relay;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.load.profile.Durations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code blazebench relay}: runs a {@link DelayRelay} until SIGTERM or Ctrl-C. Prints one line per
 * route, {@code blazebench relay: LISTEN -> TARGET}, then {@code blazebench relay: ready (20 ms
 * each way)} on stdout, for scripts to wait for.
 */
@Command(
    name = "relay",
    sortOptions = false,
    description = {
      "Relay TCP connections to each --to target through a local port, adding a fixed delay to"
          + " every byte in each direction: network latency in user space, for kernels without"
          + " netem. It never looks at the bytes, so gRPC, REST/JSON and WebSocket pass unchanged.",
      "A round trip through the relay costs at least twice --delay. The relay ends TCP on both"
          + " sides, so TCP slow start and congestion windows over the delayed path are not"
          + " emulated; HTTP/2 flow-control windows are. Prints"
          + " 'blazebench relay: 127.0.0.1:PORT -> HOST:PORT' per target, then"
          + " 'blazebench relay: ready (20 ms each way)' on stdout; runs until SIGTERM or Ctrl-C."
    },
    footer = {
      "%nExamples:",
      "  blazebench relay --delay 20ms --to 127.0.0.1:50051",
      "  blazebench relay --delay 0.5s --to 127.0.0.1:50051 --to 127.0.0.1:8080",
      "  blazebench relay --delay 10ms --to db.internal:50051 --listen-host 0.0.0.0"
    })
public final class RelayCommand implements Callable<Integer> {

  /** What the flags say, resolved and checked before the relay starts. */
  record Options(String listenHost, List<InetSocketAddress> targets, Duration oneWayDelay) {}

  @Mixin HelpOption help;

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      required = true,
      description =
          "Delay added to each direction (one way), from 0ms to 10s: 20ms, 0.5s, 250us, 0ms.")
  String delay;

  @Option(
      names = "--to",
      paramLabel = "HOST:PORT",
      required = true,
      description =
          "A target to relay to, repeatable: one listener per target, in this order"
              + " ([::1]:PORT for IPv6).")
  List<String> targets;

  @Option(
      names = "--listen-host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address the listeners bind, each on a free port. Default: ${DEFAULT-VALUE} (this"
              + " machine only).")
  String listenHost;

  private final CliStreams streams;

  public RelayCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws InterruptedException {
    Options options = resolveOptions();
    DelayRelay relay;
    try {
      relay = DelayRelay.start(options.listenHost(), options.targets(), options.oneWayDelay());
    } catch (IOException e) {
      throw new BadInputException("--listen-host " + options.listenHost() + ": " + e.getMessage());
    }
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  relay.close();
                  closed.countDown();
                },
                "blazebench-relay-shutdown"));
    for (DelayRelay.Route route : relay.routes()) {
      streams
          .outText()
          .println(
              "blazebench relay: "
                  + DelayRelay.hostPort(route.listen())
                  + " -> "
                  + DelayRelay.hostPort(route.target()));
    }
    streams
        .outText()
        .println(
            "blazebench relay: ready ("
                + DelayRelay.millisText(relay.oneWayDelay())
                + " each way)");
    streams.outText().flush();
    closed.await();
    return ExitCodes.OK;
  }

  /** The relay's options as the flags say; bad values are {@link BadInputException}s. */
  Options resolveOptions() {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String target : targets) {
      addresses.add(parseTarget(target));
    }
    return new Options(listenHost, addresses, parseDelay(delay));
  }

  private static Duration parseDelay(String text) {
    Duration value;
    try {
      value = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--delay: " + e.getMessage(), e);
    }
    if (value.compareTo(DelayRelay.MAX_ONE_WAY_DELAY) > 0) {
      throw new BadInputException("--delay must be at most 10s, was \"" + text + "\"");
    }
    return value;
  }

  /** HOST:PORT, or [IPV6]:PORT, resolved now so a typo fails before anything listens. */
  static InetSocketAddress parseTarget(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new BadInputException("--to: expected HOST:PORT, was \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new BadInputException(
          "--to: write an IPv6 address in brackets, [::1]:PORT, was \"" + text + "\"");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new BadInputException("--to: the port is not a number in \"" + text + "\"", e);
    }
    if (port < 1 || port > 65535) {
      throw new BadInputException(
          "--to: the port must be between 1 and 65535, was " + port + " in \"" + text + "\"");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new BadInputException(
          "--to: cannot resolve host \"" + host + "\" in \"" + text + "\"", e);
    }
  }
}
