package dev.blazebench.harness.compare;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much {@code compare} measures: rounds, the warm-up and measured time of each (round, API,
 * scenario) run, the scenarios, and which codec benchmarks run. {@code --quick} fits in 3 minutes
 * on a 2-core machine, codec benchmarks included; {@code --full} in 15.
 */
enum CompareProfile {
  /**
   * The seed's three tests, 2 rounds of 0.5 s warm-up + 1 s measured per run, and the codec
   * benchmarks the claim check reads: BlazeBinary v1 and JSON, one record and 1,000 records per
   * message, encode and decode (8 JMH benchmarks). Orientation and a CI smoke test: a few dozen
   * operations per run (20 for fetch-1000), so p50 and the ratios are worth reading, the tail is
   * not, and rest-poll-5s is measured for less than one poll interval. Two rounds of 1 s, not three
   * of 1.5 s: the warm-up round, the per-run overheads (connect, prepare, drain; up to 10 s for
   * rest-poll-5s, which waits for polls) and the codec benchmarks (about a minute) leave no more
   * room within 3 minutes on 2 cores.
   */
  QUICK(
      "quick",
      2,
      Duration.ofMillis(500),
      Duration.ofSeconds(1),
      Duration.ofSeconds(1),
      List.of(Scenarios.INSERT_100, Scenarios.FETCH_1000, Scenarios.REALTIME),
      false,
      "dev\\.blazebench\\.codec\\.Fetch1(000)?(BlazeBinaryV1|Json)\\.",
      8),
  /**
   * The seed's three tests plus get-one, aggregate and sync (grpc-blazebinary only), 5 rounds of 1
   * s warm-up + 3 s measured, and every 1,000-record codec benchmark plus the one-record
   * BlazeBinary v1 and JSON ones (30). Realtime over REST polling is measured for at least two poll
   * intervals (10 s for rest-poll-5s). Five rounds are the fewest with which a rank test of one
   * metric can reach p < 0.01; gating a whole run takes more (reports/README.md, The gate).
   */
  FULL(
      "full",
      5,
      Duration.ofSeconds(1),
      Duration.ofSeconds(1),
      Duration.ofSeconds(3),
      List.of(
          Scenarios.INSERT_100,
          Scenarios.FETCH_1000,
          Scenarios.REALTIME,
          Scenarios.GET_ONE,
          Scenarios.AGGREGATE,
          Scenarios.SYNC),
      true,
      "dev\\.blazebench\\.codec\\.(Fetch1000|Fetch1(BlazeBinaryV1|Json)\\.)",
      30);

  private final String label;
  private final int rounds;
  private final Duration warmup;
  private final Duration warmupRound;
  private final Duration duration;
  private final List<String> scenarios;
  private final boolean wholePollIntervals;
  private final String codecInclude;
  private final int codecBenchmarks;

  CompareProfile(
      String label,
      int rounds,
      Duration warmup,
      Duration warmupRound,
      Duration duration,
      List<String> scenarios,
      boolean wholePollIntervals,
      String codecInclude,
      int codecBenchmarks) {
    this.label = label;
    this.rounds = rounds;
    this.warmup = warmup;
    this.warmupRound = warmupRound;
    this.duration = duration;
    this.scenarios = scenarios;
    this.wholePollIntervals = wholePollIntervals;
    this.codecInclude = codecInclude;
    this.codecBenchmarks = codecBenchmarks;
  }

  /** "quick" or "full", as results.json's settings.profile says. */
  String label() {
    return label;
  }

  int rounds() {
    return rounds;
  }

  /** Warm-up of each run, excluded from the results. */
  Duration warmup() {
    return warmup;
  }

  /**
   * How long each run of the unmeasured warm-up round lasts. One second compiles the hot paths
   * enough that round 1 does not favour the APIs that run late in it; the JIT keeps improving for
   * about 30 s of traffic per scenario after that (a round's get-one p50 fell from 1.3 ms to 0.47
   * ms over the first 8 rounds of a 40-round run here), which the time budgets of both profiles
   * cannot pay. {@code --warmup-round 30s} can.
   */
  Duration warmupRound() {
    return warmupRound;
  }

  /** Measured part of each run. */
  Duration duration() {
    return duration;
  }

  /** The scenarios it runs, when the load driver has them, in this order within a round. */
  List<String> scenarios() {
    return scenarios;
  }

  /** Whether realtime over REST polling is measured for at least two poll intervals. */
  boolean wholePollIntervals() {
    return wholePollIntervals;
  }

  /** How many JMH benchmarks {@link #codecInclude()} selects (for the time estimate). */
  int codecBenchmarks() {
    return codecBenchmarks;
  }

  /** JMH's benchmark regex for the codec step. */
  String codecInclude() {
    return codecInclude;
  }

  String describe() {
    return String.format(
        Locale.US,
        "%s: %d rounds, each run %s warm-up + %s measured",
        label,
        rounds,
        TimeText.format(warmup),
        TimeText.format(duration));
  }
}
