package dev.blazebench.reports.gate;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.Placement;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.model.TotalResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Small compare runs made in code for the gate's tests: two APIs, the given scenarios, n rounds
 * whose latencies scatter ±2% (seeded) around a base, scaled by the factors the test sets, so the
 * test knows what the gate must find.
 */
final class GateRuns {

  static final Instant STARTED_AT = Instant.parse("2026-11-27T12:00:00Z");

  List<String> apis = List.of("grpc-blazebinary", "rest-json");
  List<String> scenarios = List.of("fetch-1000", "get-one");
  int rounds = 10;
  double latencyFactor = 1;
  double throughputFactor = 1;
  double wireFactor = 1;
  double targetRps = 50;
  long seed = 1;

  GateRuns rounds(int newRounds) {
    rounds = newRounds;
    return this;
  }

  GateRuns latencyFactor(double factor) {
    latencyFactor = factor;
    return this;
  }

  GateRuns throughputFactor(double factor) {
    throughputFactor = factor;
    return this;
  }

  GateRuns wireFactor(double factor) {
    wireFactor = factor;
    return this;
  }

  GateRuns scenarios(String... names) {
    scenarios = List.of(names);
    return this;
  }

  GateRuns targetRps(double rps) {
    targetRps = rps;
    return this;
  }

  GateRuns seed(long newSeed) {
    seed = newSeed;
    return this;
  }

  RunResults build() {
    SplittableRandom random = new SplittableRandom(seed);
    List<LoadSetting> load = new ArrayList<>();
    for (String scenario : scenarios) {
      load.add(new LoadSetting(scenario, "open", targetRps, null, 4, 64));
    }
    Settings settings =
        new Settings(
            "custom", rounds, apis, scenarios, "rest-json", 5.0, 2.0, 1.0, load, "skipped");
    List<ApiScenarioResult> results = new ArrayList<>();
    for (String scenario : scenarios) {
      for (String api : apis) {
        results.add(result(api, scenario, random));
      }
    }
    Environment environment =
        new Environment(
            null,
            null,
            "test JVM",
            "17",
            "Linux",
            "amd64",
            2,
            null,
            -1,
            null,
            STARTED_AT,
            STARTED_AT.plusSeconds(60),
            new Placement(false, null, null, "not pinned"),
            null);
    return RunResults.of(environment, settings, List.of(), results, null);
  }

  private ApiScenarioResult result(String api, String scenario, SplittableRandom random) {
    double baseMicros = (scenario.equals("fetch-1000") ? 20_000 : 2_000) * latencyFactor;
    double throughput = targetRps * throughputFactor;
    double wireReceived = (scenario.equals("fetch-1000") ? 200_000.0 : 400.0) * wireFactor;
    Histogram all = new Histogram(3);
    List<RoundResult> roundResults = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double scatter = 1 + 0.02 * (2 * random.nextDouble() - 1);
      long p50 = Math.round(baseMicros * scatter);
      all.recordValueWithCount(p50, 100);
      roundResults.add(
          new RoundResult(
              round,
              STARTED_AT.plusSeconds(10L * round),
              "rounds/r" + round + "/" + api + "--" + scenario + "/results.json",
              5.0,
              Math.round(throughput * 5),
              0,
              throughput * (1 + 0.01 * (2 * random.nextDouble() - 1)),
              p50,
              p50,
              p50 * 2,
              p50 * 4,
              p50 * 5,
              p50 * 6,
              100.0,
              wireReceived / 4,
              150.0,
              wireReceived,
              baseMicros / 10 * scatter,
              baseMicros / 5 * scatter,
              null,
              false));
    }
    Map<String, Long> errors = new LinkedHashMap<>();
    for (String kind : List.of("CONNECT", "DEADLINE", "STATUS", "DECODE", "VALIDATION", "OTHER")) {
      errors.put(kind, 0L);
    }
    Latency latency = Latency.of(all);
    TotalResult total =
        new TotalResult(
            5.0 * rounds,
            all.getTotalCount(),
            0,
            errors,
            throughput,
            latency,
            latency,
            100.0,
            wireReceived / 4,
            150.0,
            wireReceived,
            baseMicros / 10,
            baseMicros / 5,
            null,
            null,
            null);
    return new ApiScenarioResult(
        api,
        scenario,
        scenario.equals("fetch-1000") ? "query" : "fetch",
        roundResults,
        total,
        List.of());
  }
}
