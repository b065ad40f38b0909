package dev.blazebench.harness.load;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.Durations;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.profile.RateSegment;
import dev.blazebench.load.profile.Rates;
import dev.blazebench.load.run.LoadRun;
import dev.blazebench.load.run.LoadRunOptions;
import dev.blazebench.load.run.Target;
import dev.blazebench.load.scenario.CrudMix;
import dev.blazebench.load.scenario.RealtimeOptions;
import dev.blazebench.load.scenario.ScenarioOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code blazebench load}: offers load to a BlazeDB server with load-scenarios' driver (open model,
 * latency from each operation's intended start), and writes results.json, the interval logs and a
 * summary. Parsing and checking the options happens here; the run is {@link LoadRun}.
 */
@Command(
    name = "load",
    sortOptions = false,
    description = {
      "Load a BlazeDB server with one scenario and record latency, throughput, errors and bytes.",
      "Open model by default: operations start on a schedule whatever the server does, and"
          + " latency counts from each one's intended start (wrk2's model), so stalls show."
          + " Writes results.json, one .hlog interval log per operation, and prints a summary.",
      "The target's scheme names the API: blaze:// (gRPC + BlazeBinary in protobuf),"
          + " blaze-native:// (gRPC, messages are BlazeBinary), proto:// (gRPC + Protobuf,"
          + " bugs.v1), rest:// (REST/JSON over HTTP/1.1), rest+gzip:// (the same, gzip answers),"
          + " ws:// (WebSocket push of changes) and rest-poll:// (REST polling of changes); the"
          + " last two serve the realtime scenario only.",
      "Scenarios: fetch-1000, insert-100, get-one, crud-mix, aggregate, stream-1m, realtime,"
          + " sync (the seed's bidirectional Sync; blaze:// only)."
    },
    footer = {
      "%nExamples:",
      "  blazebench load --target blaze://127.0.0.1:50051 --scenario fetch-1000 --rate 200/s",
      "  blazebench load --target blaze://127.0.0.1:50051 --scenario insert-100 --rate 50/s..500/s"
          + " --duration 60s",
      "  blazebench load --target ws://127.0.0.1:8080 --scenario realtime --duration 30s",
      "  blazebench load --target rest-poll://127.0.0.1:8080 --poll-interval 1s --scenario realtime",
      "  blazebench load --target blaze://127.0.0.1:50051 --scenario sync --duration 30s",
      "  blazebench load ... --start-at 2025-06-01T12:00:00Z   (on each driver; then merge)",
      "%nExit code 2 when any call failed (results are still written)."
    })
public final class LoadCommand implements Callable<Integer> {

  private static final String REALTIME = "realtime";
  private static final String SYNC = "sync";

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Mixin HelpOption help;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "URI",
      description =
          "The server and API: blaze://, blaze-native://, proto://host:port (the reference"
              + " server's gRPC port, 50051) or rest://, rest+gzip://, ws://, rest-poll://host:port"
              + " (its HTTP port, 8080).")
  String target;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME",
      description =
          "fetch-1000, insert-100, get-one, crud-mix, aggregate, stream-1m, realtime or sync"
              + " (load-scenarios/RESULTS.md lists what each does and checks).")
  String scenario;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description =
          "The collection to use. Default: bugs (stream-1m: stream). For proto:// another"
              + " collection than bugs is named in the reference server's blazedb-collection"
              + " header.")
  String collection;

  @Option(
      names = "--mix",
      paramLabel = "RATIOS",
      description = "crud-mix's operation weights. Default: read=80,insert=10,update=5,delete=5.")
  String mix;

  @Option(
      names = "--records",
      paramLabel = "N",
      description = "stream-1m's records per stream: 1000000, 1m, 10k. Default: 1m.")
  String records;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "stream-1m's records per batch. Default: the server's (1000).")
  Integer batchSize;

  @Option(
      names = "--subscribers",
      paramLabel = "N",
      description =
          "realtime's subscribers on the target's API (sync: its receivers besides the pusher),"
              + " one connection each (the reference server takes at most --max-connections, 10000,"
              + " over REST and WebSocket). Default: 1.")
  Integer subscribers;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      description = "realtime over rest-poll://: how often each subscriber polls. Default: 5s.")
  String pollInterval;

  @Option(
      names = "--writer",
      paramLabel = "URI",
      description =
          "realtime's writer, always blaze:// (gRPC, BlazeBinary in protobuf). Default: the"
              + " target's host and port for a gRPC target, its host and port 50051 otherwise.")
  String writer;

  @Option(
      names = "--api",
      paramLabel = "NAME",
      description =
          "The API's client, if not the target scheme's: another API over the same transport"
              + " (grpc-blazebinary, grpc-native, grpc-protobuf share a gRPC port).")
  String api;

  @Option(
      names = "--rate",
      paramLabel = "RATE",
      description = {
        "Open model arrival rate: 200/s, 1k/s, 600/m; a ramp over the duration: 100/s..1k/s;"
            + " equal steps: 100/s,200/s,400/s. Default: 100/s (realtime: 10/s writes; sync: 10/s pushes)."
      })
  String rate;

  @Option(
      names = "--closed",
      paramLabel = "N",
      description = "Closed model instead: N operations in flight at all times (no --rate).")
  Integer closedInFlight;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "Measured part: 30s, 2m. Default: ${DEFAULT-VALUE}.")
  String duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Warm-up before it, excluded from results. Default: ${DEFAULT-VALUE}.")
  String warmup;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "4",
      description = "TCP connections the client opens. Default: ${DEFAULT-VALUE}.")
  int connections;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "In-flight cap; operations due while it is reached wait (and the wait counts)."
              + " Default: ${DEFAULT-VALUE}.")
  int maxInFlight;

  @Option(
      names = "--deadline",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description = "Per-call deadline. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Option(
      names = "--drain",
      paramLabel = "DURATION",
      description =
          "After the measured part, how long calls in flight may still finish. Default: 5s"
              + " (realtime: the deadline plus the poll interval).")
  String drain;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Run folder. Default: reports/out/<UTC time>-load.")
  Path outDir;

  @Option(
      names = "--start-at",
      paramLabel = "INSTANT",
      description =
          "Start at this instant (ISO-8601, e.g. 2025-06-01T12:00:00Z), so several drivers start"
              + " together.")
  String startAt;

  private final CliStreams streams;
  private final Clock clock;

  public LoadCommand(CliStreams streams) {
    this(streams, Clock.systemUTC());
  }

  LoadCommand(CliStreams streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    LoadRunOptions options = resolveOptions();
    LoadRun.Outcome outcome;
    try {
      outcome = LoadRun.execute(options, streams.err(), streams.outText());
    } catch (TargetUnreachableException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new CheckFailedException(e.getMessage());
    }
    if (outcome.interrupted()) {
      throw new CheckFailedException("the run was interrupted; partial results are written");
    }
    if (outcome.failedCalls() > 0) {
      throw new CheckFailedException(
          outcome.failedCalls()
              + " calls failed (errors by class above; results written to "
              + options.outDir()
              + ")");
    }
    return ExitCodes.OK;
  }

  /** The run as the options say, every value checked before anything connects. */
  LoadRunOptions resolveOptions() {
    try {
      boolean realtime = REALTIME.equals(scenario) || SYNC.equals(scenario);
      Duration measured = positive("--duration", Durations.parse(duration));
      LoadProfile profile =
          closedInFlight != null
              ? closedProfile(measured)
              : LoadProfile.open(
                  segments(rate != null ? rate : realtime ? "10/s" : "100/s", measured));
      profile = profile.withWarmup(Durations.parse(warmup));
      Duration callDeadline = positive("--deadline", Durations.parse(deadline));
      RealtimeOptions realtimeOptions =
          new RealtimeOptions(
              subscribers == null ? 1 : subscribers,
              pollInterval == null
                  ? null
                  : positive("--poll-interval", Durations.parse(pollInterval)),
              writer == null ? null : Target.parse(writer));
      Duration drainTime;
      if (drain != null) {
        drainTime = Durations.parse(drain);
      } else if (realtime) {
        // Deliveries of the last writes may take a poll interval more than a call.
        Duration poll =
            pollInterval != null
                ? realtimeOptions.pollInterval()
                : Target.parse(target).transport() == Target.Transport.POLLING
                    ? LoadRunOptions.DEFAULT_POLL_INTERVAL
                    : Duration.ZERO;
        drainTime = callDeadline.plus(poll);
      } else {
        drainTime = Duration.ofSeconds(5);
      }
      DriverConfig config =
          new DriverConfig(
              profile,
              closedInFlight != null ? Math.max(maxInFlight, closedInFlight) : maxInFlight,
              callDeadline,
              drainTime,
              DriverConfig.DEFAULT_INTERVAL);
      Path out =
          outDir != null
              ? outDir
              : Path.of("reports", "out", RUN_TIME.format(clock.instant()) + "-load");
      ScenarioOptions scenarioOptions =
          new ScenarioOptions(
              collection,
              mix == null ? null : CrudMix.Ratios.parse(mix),
              records == null ? 0 : Rates.parseCount("--records", records),
              batchSize == null ? 0 : positiveInt("--batch-size", batchSize));
      return new LoadRunOptions(
          Target.parse(target),
          api,
          scenario,
          scenarioOptions,
          config,
          connections,
          out.toAbsolutePath(),
          startAt == null ? null : parseInstant(startAt),
          realtimeOptions);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private LoadProfile closedProfile(Duration measured) {
    if (rate != null) {
      throw new IllegalArgumentException("--closed and --rate exclude each other");
    }
    return LoadProfile.closed(closedInFlight, measured);
  }

  /** {@code 200/s}, {@code 100/s..1k/s} (a ramp) or {@code 100/s,200/s} (equal steps). */
  static List<RateSegment> segments(String text, Duration measured) {
    if (text.contains("..")) {
      String[] ends = text.split("\\.\\.", -1);
      if (ends.length != 2) {
        throw new IllegalArgumentException(
            "--rate '" + text + "': a ramp is FROM..TO, e.g. 100/s..1k/s");
      }
      return List.of(
          RateSegment.ramp(Rates.parsePerSecond(ends[0]), Rates.parsePerSecond(ends[1]), measured));
    }
    String[] steps = text.split(",", -1);
    long stepNanos = measured.toNanos() / steps.length;
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("--rate '" + text + "': more steps than nanoseconds");
    }
    List<RateSegment> segments = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      // The last step takes the remainder, so the steps add up to the duration exactly.
      long nanos = i < steps.length - 1 ? stepNanos : measured.toNanos() - stepNanos * i;
      double rps = Rates.parsePerSecond(steps[i]);
      segments.add(new RateSegment(rps, rps, nanos));
    }
    return segments;
  }

  private static int positiveInt(String flag, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1, was " + value);
    }
    return value;
  }

  private static Duration positive(String flag, Duration value) {
    if (value.isZero()) {
      throw new IllegalArgumentException(flag + " must be positive");
    }
    return value;
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--start-at '" + text + "': not an ISO-8601 instant (e.g. 2025-06-01T12:00:00Z)");
    }
  }
}
