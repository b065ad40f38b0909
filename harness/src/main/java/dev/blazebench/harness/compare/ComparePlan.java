package dev.blazebench.harness.compare;

import dev.blazebench.reports.gate.InterleavedRuns;
import dev.blazebench.reports.model.NetworkLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compare run, resolved and checked before anything starts: what runs, in which order, for how
 * long, and where the run folder goes.
 *
 * <p>The order is the fairness rule of DESIGN.md: APIs are interleaved in rounds, each scenario's
 * APIs back to back within a round, so a drift of the machine (another process, thermal limits, the
 * store growing) hits every API alike instead of whichever ran last. Each round starts a scenario's
 * APIs one further along (round 1: A B C, round 2: B C A, round 3: C A B, ...), so that what a
 * scenario's first run inherits from the run before it (the JIT recompiling for another scenario,
 * background work the run before left) falls on every API in turn, not always on the first one
 * named; Abedi and Brecht's randomized multiple interleaved trials vary the order for the same
 * reason.
 *
 * @param profile "quick", "full", or "custom" when options changed the profile's choices
 * @param rounds how many rounds
 * @param warmup warm-up of each run (excluded from results)
 * @param warmupRound how long each run of the unmeasured warm-up round before round 1 lasts
 * @param duration measured part of each run
 * @param apisByScenario the scenarios in round order, each with its APIs in round order
 * @param codec whether the codec benchmarks run
 * @param codecInclude JMH's benchmark regex for them
 * @param codecBenchmarks how many benchmarks that regex selects (for the time estimate)
 * @param outDir the run folder (absolute)
 * @param wholePollIntervals measure realtime over REST polling for at least two poll intervals
 *     (longer than {@code duration} for rest-poll-5s), so its figures cover whole polls
 * @param external servers given with {@code --target}, or null: compare starts its own server
 * @param serverForks how many times compare starts its server(s) afresh over the rounds: the rounds
 *     are split into this many consecutive blocks, each on new server JVMs after a warm-up round of
 *     their own (JMH's forks: one JVM's JIT and memory layout is one sample, not the build)
 * @param baselineJar another build's blazebench jar whose reference server runs beside this build's
 *     ({@code --baseline-jar}), or null. Then {@code apisByScenario} holds every API twice, {@code
 *     API@baseline} right before {@code API}, and {@link #runs()} alternates their order from round
 *     to round.
 * @param link the rate of the shaped link between the driver and compare's servers ({@code --link
 *     10mbit}), or null: they talk over loopback
 * @param delay the delay a relay adds to each direction between the driver and compare's servers
 *     ({@code --delay 20ms}, {@link RelayProcess}), or null: none
 */
record ComparePlan(
    String profile,
    int rounds,
    Duration warmup,
    Duration warmupRound,
    Duration duration,
    Map<String, List<String>> apisByScenario,
    boolean codec,
    String codecInclude,
    int codecBenchmarks,
    Path outDir,
    boolean wholePollIntervals,
    ExternalTargets external,
    int serverForks,
    Path baselineJar,
    String link,
    Duration delay) {

  /** The shortest delay {@code --delay} adds each way (results.json records whole ms). */
  static final Duration MIN_DELAY = Duration.ofMillis(1);

  /** The longest delay {@code --delay} adds each way. */
  static final Duration MAX_DELAY = Duration.ofSeconds(5);

  /** A plan against the reference server compare starts. */
  ComparePlan(
      String profile,
      int rounds,
      Duration warmup,
      Duration warmupRound,
      Duration duration,
      Map<String, List<String>> apisByScenario,
      boolean codec,
      String codecInclude,
      int codecBenchmarks,
      Path outDir,
      boolean wholePollIntervals) {
    this(
        profile,
        rounds,
        warmup,
        warmupRound,
        duration,
        apisByScenario,
        codec,
        codecInclude,
        codecBenchmarks,
        outDir,
        wholePollIntervals,
        null,
        1,
        null,
        null,
        null);
  }

  ComparePlan {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    }
    if (apisByScenario.isEmpty()) {
      throw new IllegalArgumentException("no scenario to run");
    }
    if (serverForks < 1 || serverForks > rounds) {
      throw new IllegalArgumentException(
          "server forks must be between 1 and the rounds (" + rounds + "), was " + serverForks);
    }
    if (external != null && serverForks > 1) {
      throw new IllegalArgumentException("servers given with --target cannot be restarted");
    }
    if (external != null && baselineJar != null) {
      throw new IllegalArgumentException("a baseline build needs compare's own servers");
    }
    if (external != null && link != null) {
      throw new IllegalArgumentException("a shaped link needs compare's own servers");
    }
    if (link != null) {
      NetworkLink.parseRateBitsPerSecond(link);
    }
    if (delay != null) {
      if (delay.compareTo(MIN_DELAY) < 0 || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException(
            "the added delay must be between 1 ms and "
                + MAX_DELAY.toSeconds()
                + " s, was "
                + delay);
      }
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    apisByScenario.forEach(
        (scenario, apis) -> {
          if (apis.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario + " has no API to run");
          }
          if (external != null) {
            for (String api : apis) {
              if (!external.byApi().containsKey(api)) {
                throw new IllegalArgumentException("api " + api + " has no external target");
              }
            }
          }
          if (baselineJar != null) {
            for (int i = 0; i < apis.size(); i += 2) {
              if (i + 1 == apis.size()
                  || !apis.get(i).equals(InterleavedRuns.baselineNameOf(apis.get(i + 1)))) {
                throw new IllegalArgumentException(
                    "scenario "
                        + scenario
                        + ": APIs must come in pairs API@baseline, API: "
                        + apis);
              }
            }
          }
          copy.put(scenario, List.copyOf(apis));
        });
    apisByScenario = Collections.unmodifiableMap(copy);
  }

  /** The scenarios, in the order a round runs them. */
  List<String> scenarios() {
    return List.copyOf(apisByScenario.keySet());
  }

  /** Every API of the run, in first-run order. */
  List<String> apis() {
    Set<String> apis = new LinkedHashSet<>();
    apisByScenario.values().forEach(apis::addAll);
    return List.copyOf(apis);
  }

  /** Load runs in one round. */
  int runsPerRound() {
    int runs = 0;
    for (List<String> apis : apisByScenario.values()) {
      runs += apis.size();
    }
    return runs;
  }

  /**
   * Every load run in the order they run: round by round, scenario by scenario, API by API, each
   * round starting one API further along than the round before (A B C, B C A, C A B, ...). With a
   * baseline build, each API's two runs are back to back (the pair moves as one), the baseline's
   * first in odd rounds and second in even rounds, so that neither build always runs right after
   * the other API's runs.
   */
  List<PlannedRun> runs() {
    List<PlannedRun> runs = new ArrayList<>();
    int perUnit = baselineJar != null ? 2 : 1; // an API, or an API with its baseline twin
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, List<String>> scenario : apisByScenario.entrySet()) {
        List<String> apis = scenario.getValue();
        int units = apis.size() / perUnit;
        for (int i = 0; i < apis.size(); i++) {
          int unit = (i / perUnit + round - 1) % units;
          int within = i % perUnit;
          if (perUnit == 2 && round % 2 == 0) {
            within = 1 - within; // the pair (API@baseline, API) swapped
          }
          runs.add(
              new PlannedRun(
                  round, scenario.getKey(), apis.get(unit * perUnit + within), forkOf(round)));
        }
      }
    }
    return runs;
  }

  /** The server JVM (1-based) {@code round} (1-based) runs on: blocks of consecutive rounds. */
  int forkOf(int round) {
    return 1 + (round - 1) * serverForks / rounds;
  }

  /**
   * Every run in the order compare makes them: for each server JVM, its warm-up round, then its
   * rounds.
   */
  List<PlannedRun> runsInOrder() {
    List<PlannedRun> measured = runs();
    List<PlannedRun> ordered = new ArrayList<>();
    for (int fork = 1; fork <= serverForks; fork++) {
      ordered.addAll(warmupRuns(fork));
      for (PlannedRun run : measured) {
        if (run.fork() == fork) {
          ordered.add(run);
        }
      }
    }
    return ordered;
  }

  /**
   * The unmeasured warm-up round before the first round of server JVM {@code fork} (round 1 for the
   * first): every request/response scenario against every API once, so that the server's and the
   * driver's JIT are warm for all of them when round 1 starts. Without it, round 1 favours the APIs
   * that run later in it (they find the server's store and query paths already compiled by the
   * first). Realtime is left out: its server path is light and REST polling's runs take seconds of
   * waiting each.
   */
  List<PlannedRun> warmupRuns(int fork) {
    List<PlannedRun> runs = new ArrayList<>();
    for (Map.Entry<String, List<String>> scenario : apisByScenario.entrySet()) {
      if (scenario.getKey().equals(Scenarios.REALTIME)) {
        continue;
      }
      for (String api : scenario.getValue()) {
        runs.add(new PlannedRun(0, scenario.getKey(), api, fork));
      }
    }
    return runs;
  }

  /**
   * {@code apisByScenario} with each API preceded by its baseline build's twin, {@code
   * API@baseline}: the order {@link #runs()} pairs them in.
   */
  static Map<String, List<String>> withBaselineTwins(Map<String, List<String>> apisByScenario) {
    Map<String, List<String>> twinned = new LinkedHashMap<>();
    apisByScenario.forEach(
        (scenario, apis) -> {
          List<String> both = new ArrayList<>();
          for (String api : apis) {
            both.add(InterleavedRuns.baselineNameOf(api));
            both.add(api);
          }
          twinned.put(scenario, both);
        });
    return twinned;
  }

  /** The API ratios are taken against: rest-json when it ran, else the first API. */
  String referenceApi() {
    List<String> apis = apis();
    return apis.contains(Scenarios.REFERENCE_API) ? Scenarios.REFERENCE_API : apis.get(0);
  }

  /** The load compare offers in {@code scenario}, over this plan's link and delay if any. */
  ScenarioLoad scenarioLoad(String scenario) {
    return Scenarios.load(scenario, linkBitsPerSecond()).withDelay(delay);
  }

  /** The delay added each way in milliseconds, 0 when none. */
  long delayMillis() {
    return delay == null ? 0 : delay.toMillis();
  }

  /** The shaped link's rate in bits per second each way, 0 when the run is over loopback. */
  long linkBitsPerSecond() {
    return link == null ? 0 : NetworkLink.parseRateBitsPerSecond(link);
  }
}
