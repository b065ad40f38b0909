package dev.blazebench.harness.compare;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.load.profile.Durations;
import dev.blazebench.reports.model.NetworkLink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code blazebench compare}: the front door. Starts the reference server as a child process on its
 * own CPU, runs the seed's tests against every API in interleaved rounds with the load driver in
 * this JVM, runs the codec benchmarks, and writes one run folder (results.json, the load runs, the
 * codec results, the server's log, the report). With {@code --target} it loads servers it did not
 * start instead ({@link ExternalTargets}). Options are resolved into a {@link ComparePlan} here;
 * {@link CompareRun} does the work.
 */
@Command(
    name = "compare",
    sortOptions = false,
    description = {
      "Run the seed's tests against every API and write one report folder.",
      "Starts the reference server (one store for every API) pinned to CPU 0 with taskset, the"
          + " load driver on the other CPUs, runs each scenario against each API in interleaved"
          + " rounds (round 1: A B C, round 2: A B C, ...), runs the codec benchmarks, and writes"
          + " results.json, the load runs' results and .hlog files, the codec results,"
          + " server.log, index.html and summary.md into the run folder.",
      "With --target API=URL it starts no server and compares the servers given instead (only"
          + " their APIs, nothing pinned, server CPU not measured).",
      "Ctrl-C stops the server and keeps what was measured (results.json of the runs completed,"
          + " with a 'partial' warning)."
    },
    footer = {
      "%nExamples:",
      "  blazebench compare --quick                     (about 3 minutes on 2 cores)",
      "  blazebench compare --full                      (about 15 minutes)",
      "  blazebench compare --apis grpc-blazebinary,rest-json --scenarios fetch-1000 --rounds 5",
      "  blazebench compare --quick --link 10mbit       (as root: over a shaped 10 Mbps link)",
      "  blazebench compare --quick --delay 20ms        (40 ms round trip, through a relay)",
      "  blazebench compare --quick --no-codec --scenarios insert-100,fetch-1000 \\",
      "      --target grpc-blazebinary=blaze://blaze:50051 --target grpc-protobuf=proto://proto:50051"
          + " \\",
      "      --target rest-json=rest://rest:8080        (servers started elsewhere, e.g. compose)",
      "%nExit code 2 when a call failed in some run (results and report are still written)."
    })
public final class CompareCommand implements Callable<Integer> {

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Mixin HelpOption help;

  @Option(
      names = "--quick",
      description =
          "The quick profile (the default): insert-100, fetch-1000 and realtime, 2 rounds of"
              + " 0.5s warm-up + 1s per run, 8 codec benchmarks; under 3 minutes on 2 cores.")
  boolean quick;

  @Option(
      names = "--full",
      description =
          "The full profile: also get-one, aggregate and sync, 5 rounds of 1s warm-up + 3s per run,"
              + " 30 codec benchmarks; under 15 minutes on 2 cores.")
  boolean full;

  @Option(
      names = "--apis",
      paramLabel = "LIST",
      split = ",",
      description =
          "APIs to compare (default: every one that applies to each scenario): grpc-blazebinary,"
              + " grpc-native, grpc-protobuf, rest-json, rest-json-gzip; for realtime also"
              + " websocket-json, rest-poll-1s, rest-poll-5s; sync runs on grpc-blazebinary only.")
  List<String> apis;

  @Option(
      names = "--scenarios",
      paramLabel = "LIST",
      split = ",",
      description =
          "Scenarios to run (default: the profile's): insert-100, fetch-1000, realtime, get-one,"
              + " aggregate, crud-mix, sync.")
  List<String> scenarios;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      description = "Rounds (default: the profile's, 2 quick, 5 full).")
  Integer rounds;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "Measured part of each run: 1500ms, 3s (default: the profile's).")
  String duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      description = "Warm-up of each run, excluded from results (default: the profile's).")
  String warmup;

  @Option(
      names = "--warmup-round",
      paramLabel = "DURATION",
      description =
          "How long each API x scenario runs in the unmeasured warm-up round before round 1"
              + " (default: the profile's, 1s). The JIT of server and driver needs about 30s of"
              + " traffic per scenario to settle here; give that when rounds are compared"
              + " statistically (blazebench gate).")
  String warmupRound;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Run folder. Default: reports/out/<UTC time>/ in the checkout.")
  Path outDir;

  @Option(names = "--no-codec", description = "Skip the codec benchmarks.")
  boolean noCodec;

  @Option(
      names = "--target",
      paramLabel = "API=URL",
      description =
          "Compare servers started elsewhere instead of starting one (repeatable): the API and the"
              + " load driver's URL for it, e.g. grpc-blazebinary=blaze://blaze:50051,"
              + " grpc-native=blaze-native://blaze:50051, grpc-protobuf=proto://proto:50051,"
              + " rest-json=rest://rest:8080, rest-json-gzip=rest+gzip://rest:8080,"
              + " websocket-json=ws://rest:8080, rest-poll-1s=rest-poll://rest:8080. Only the"
              + " APIs given run; no server is started or pinned to a CPU and server CPU is not"
              + " measured.")
  List<String> targets;

  @Option(
      names = "--server-forks",
      paramLabel = "K",
      description =
          "Start the server(s) afresh K times over the rounds (default 1): the rounds are split"
              + " into K blocks, each on new server JVMs after its own warm-up round. One JVM's"
              + " JIT decisions and memory layout are one sample of a build, as JMH's forks say:"
              + " two JVMs of the same build differed here by 4%% in CPU per operation.")
  Integer serverForks;

  @Option(
      names = "--baseline-jar",
      paramLabel = "JAR",
      description =
          "Also start the reference server of another build (its blazebench.jar, e.g. built from"
              + " the main branch) and run every API on both servers, back to back in every round:"
              + " API@baseline on that build's, API on this one's. Gate the two builds with"
              + " blazebench gate --interleaved RUN: their rounds come from the same minutes, so"
              + " the machine's drift between runs is not taken for a change.")
  Path baselineJar;

  @Option(
      names = "--link",
      paramLabel = "RATE",
      description =
          "Put a shaped network link of RATE each way between the load driver and the servers"
              + " (e.g. 10mbit; <number>kbit, mbit or gbit): the servers run in a network"
              + " namespace of their own, joined by a veth pair with tc's token bucket filter on"
              + " both ends, so every call crosses a link of that rate instead of loopback. Rate"
              + " only: --delay adds a round trip. The offered rates are capped so the link stays at most"
              + " half busy, and each run lasts for at least 10 calls. Needs root and ip/tc"
              + " (iproute2) on Linux; not with --target. With 10mbit the seed's transfer claims"
              + " are measured.")
  String link;

  @Option(
      names = "--delay",
      paramLabel = "DURATION",
      description =
          "Add DURATION of delay to each direction between the load driver and the servers (e.g."
              + " 20ms: a 40 ms round trip), through a user-space relay (blazebench relay) in a"
              + " process of its own, since the kernel may lack netem. It delays the byte stream,"
              + " as toxiproxy's latency does: TCP itself runs at loopback speed, so slow start over"
              + " the delay is not modelled. Alone (no root needed), with --link, or in front of"
              + " --target servers (the relay runs here, on the driver's side). Latency, rate and"
              + " CPU claims made for no link are then not judged. Between 1ms and 5s.")
  String delay;

  @Option(
      names = "--writer",
      paramLabel = "URL",
      description =
          "With --target: where realtime's writer writes, blaze://HOST:PORT on the same store as"
              + " the subscribers' server (default: the grpc-blazebinary target).")
  String writer;

  private final CliStreams streams;
  private final Clock clock;

  public CompareCommand(CliStreams streams) {
    this(streams, Clock.systemUTC());
  }

  CompareCommand(CliStreams streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    ComparePlan plan = resolvePlan();
    CompareRun.Outcome outcome = new CompareRun(plan, streams.err(), clock).run();
    // stdout carries one line, where the report is, for scripts.
    streams.outText().println(outcome.summaryLine());
    streams.outText().flush();
    if (outcome.partial()) {
      throw new CheckFailedException(
          "stopped before the end; " + outcome.resultsJson() + " holds the runs completed");
    }
    if (outcome.failedCalls() > 0 || outcome.failedRuns() > 0) {
      throw new CheckFailedException(
          outcome.failedCalls()
              + " calls failed and "
              + outcome.failedRuns()
              + " runs could not be made (the warnings in "
              + outcome.resultsJson()
              + " say where); the results and the report are written");
    }
    return ExitCodes.OK;
  }

  /** The run as the options say, every value checked before anything starts. */
  ComparePlan resolvePlan() {
    if (quick && full) {
      throw new BadInputException("--quick and --full exclude each other; give one");
    }
    CompareProfile profile = full ? CompareProfile.FULL : CompareProfile.QUICK;
    boolean custom = false;

    int roundCount = profile.rounds();
    if (rounds != null) {
      if (rounds < 1) {
        throw new BadInputException("--rounds must be at least 1, was " + rounds);
      }
      custom |= rounds != profile.rounds();
      roundCount = rounds;
    }
    Duration warmupTime = profile.warmup();
    if (warmup != null) {
      warmupTime = parseDuration("--warmup", warmup, true);
      custom |= !warmupTime.equals(profile.warmup());
    }
    Duration warmupRoundTime = profile.warmupRound();
    if (warmupRound != null) {
      warmupRoundTime = parseDuration("--warmup-round", warmupRound, false);
      custom |= !warmupRoundTime.equals(profile.warmupRound());
    }
    Duration measured = profile.duration();
    if (duration != null) {
      measured = parseDuration("--duration", duration, false);
      custom |= !measured.equals(profile.duration());
    }

    ExternalTargets external = null;
    if (targets != null && !targets.isEmpty()) {
      external = ExternalTargets.parse(targets, writer);
    } else if (writer != null) {
      throw new BadInputException(
          "--writer is for servers given with --target; compare's own server has its writer");
    }
    List<String> scenarioNames = resolveScenarios(profile);
    custom |= scenarios != null && !scenarioNames.equals(profile.scenarios());
    List<String> requested = apis;
    if (external != null) {
      if (apis == null) {
        requested = external.apis();
      } else {
        for (String api : apis) {
          if (!external.byApi().containsKey(api.strip())) {
            throw new BadInputException(
                "--apis: "
                    + api.strip()
                    + " has no --target (given: "
                    + String.join(", ", external.apis())
                    + ")");
          }
        }
      }
    }
    Map<String, List<String>> apisByScenario = resolveApis(scenarioNames, requested);
    custom |= requested != null;
    int forks = 1;
    if (serverForks != null) {
      if (serverForks < 1 || serverForks > roundCount) {
        throw new BadInputException(
            "--server-forks must be between 1 and the rounds ("
                + roundCount
                + "), was "
                + serverForks);
      }
      if (external != null && serverForks > 1) {
        throw new BadInputException(
            "--server-forks restarts compare's own servers; servers given with --target are not"
                + " compare's to restart");
      }
      forks = serverForks;
      custom |= forks > 1;
    }
    if (link != null) {
      if (external != null) {
        throw new BadInputException(
            "--link shapes the link to the servers compare starts; servers given with --target"
                + " are reached over a link compare does not own (shape it where they run), so"
                + " --link cannot be combined with --target");
      }
      try {
        NetworkLink.parseRateBitsPerSecond(link);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--link " + e.getMessage(), e);
      }
      custom = true;
    }
    Duration addedDelay = null;
    if (delay != null) {
      addedDelay = parseDuration("--delay", delay, true);
      if (addedDelay.compareTo(ComparePlan.MIN_DELAY) < 0
          || addedDelay.compareTo(ComparePlan.MAX_DELAY) > 0) {
        throw new BadInputException(
            "--delay must be between 1ms and "
                + ComparePlan.MAX_DELAY.toSeconds()
                + "s, was "
                + delay);
      }
      custom = true;
    }
    Path baselineBuild = null;
    if (baselineJar != null) {
      if (external != null) {
        throw new BadInputException(
            "--baseline-jar starts a second server beside compare's own; it cannot be combined"
                + " with --target");
      }
      baselineBuild = BaselineJar.check(baselineJar);
      apisByScenario = ComparePlan.withBaselineTwins(apisByScenario);
      custom = true;
    }
    if (external != null
        && external.writer() == null
        && apisByScenario.containsKey(Scenarios.REALTIME)) {
      throw new BadInputException(
          "realtime against --target servers needs --writer blaze://HOST:PORT (the gRPC"
              + " BlazeBinary port of the server the subscribers follow), or a grpc-blazebinary"
              + " target; or leave realtime out with --scenarios");
    }

    Path out =
        outDir != null
            ? outDir
            : CheckoutPaths.checkoutOrWorkingDir()
                .resolve("reports")
                .resolve("out")
                .resolve(RUN_TIME.format(clock.instant()));
    return new ComparePlan(
        custom ? "custom" : profile.label(),
        roundCount,
        warmupTime,
        warmupRoundTime,
        measured,
        apisByScenario,
        !noCodec,
        profile.codecInclude(),
        profile.codecBenchmarks(),
        out.toAbsolutePath().normalize(),
        profile.wholePollIntervals(),
        external,
        forks,
        baselineBuild,
        link == null ? null : link.strip(),
        addedDelay);
  }

  private List<String> resolveScenarios(CompareProfile profile) {
    if (scenarios == null) {
      // The profile's scenarios that the load driver has (realtime arrives with its own change).
      List<String> available = new ArrayList<>();
      for (String name : profile.scenarios()) {
        if (Scenarios.supported().contains(name)) {
          available.add(name);
        }
      }
      return available;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : scenarios) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        throw new BadInputException("--scenarios: empty name in the list");
      }
      try {
        Scenarios.check(trimmed);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      names.add(trimmed);
    }
    return List.copyOf(names);
  }

  private Map<String, List<String>> resolveApis(
      List<String> scenarioNames, List<String> requestedApis) {
    Map<String, List<String>> byScenario = new LinkedHashMap<>();
    if (requestedApis == null) {
      for (String scenario : scenarioNames) {
        List<String> defaults = Scenarios.defaultApis(scenario);
        if (defaults.isEmpty()) {
          throw new BadInputException(
              "scenario " + scenario + ": the load driver has no API for it yet");
        }
        byScenario.put(scenario, defaults);
      }
      return byScenario;
    }
    Set<String> requested = new LinkedHashSet<>();
    for (String name : requestedApis) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        throw new BadInputException("--apis: empty name in the list");
      }
      if (!Scenarios.knownApis().contains(trimmed)) {
        throw new BadInputException(
            "--apis: unknown API '"
                + trimmed
                + "' (available: "
                + String.join(", ", Scenarios.knownApis())
                + ")");
      }
      requested.add(trimmed);
    }
    for (String api : requested) {
      boolean usable = false;
      for (String scenario : scenarioNames) {
        usable |= Scenarios.applies(api, scenario);
      }
      if (!usable) {
        throw new BadInputException(
            "--apis: "
                + api
                + " applies to none of the scenarios "
                + scenarioNames
                + " (or the load driver does not have it yet)");
      }
    }
    for (String scenario : scenarioNames) {
      List<String> chosen = new ArrayList<>();
      for (String api : requested) {
        if (Scenarios.applies(api, scenario)) {
          chosen.add(api);
        }
      }
      if (chosen.isEmpty()) {
        if (scenarios != null) {
          throw new BadInputException(
              "scenario "
                  + scenario
                  + ": none of --apis "
                  + requested
                  + " applies to it (it runs with "
                  + Scenarios.defaultApis(scenario)
                  + ")");
        }
        continue; // a profile scenario none of the chosen APIs speaks: leave it out
      }
      byScenario.put(scenario, chosen);
    }
    return byScenario;
  }

  private static Duration parseDuration(String flag, String text, boolean zeroAllowed) {
    Duration value;
    try {
      value = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(flag + ": " + e.getMessage(), e);
    }
    if (!zeroAllowed && value.isZero()) {
      throw new BadInputException(flag + " must be positive, was " + text);
    }
    return value;
  }
}
