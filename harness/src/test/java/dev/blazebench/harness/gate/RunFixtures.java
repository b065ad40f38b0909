package dev.blazebench.harness.gate;

import dev.blazebench.reports.gate.InterleavedRuns;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.Placement;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.model.TotalResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Small compare run folders for the gate command's tests, written by the real writer: one API
 * ({@code grpc-blazebinary}), the given scenarios, ten rounds scattered ±2% (seeded) around fixed
 * latencies, times {@code latencyFactor}.
 */
final class RunFixtures {

  private static final Instant STARTED_AT = Instant.parse("2026-11-27T12:00:00Z");

  private RunFixtures() {}

  /** Writes {@code dir/results.json}; returns {@code dir}. */
  static Path writeRun(Path dir, long seed, double latencyFactor, String... scenarios) {
    RunResultsWriter.writeToFolder(run(seed, latencyFactor, scenarios), dir);
    return dir;
  }

  /**
   * Writes {@code dir/results.json} of an interleaved run ({@code compare --baseline-jar}): the
   * baseline build as {@code grpc-blazebinary@baseline} (seed 1), this build as {@code
   * grpc-blazebinary} (seed 2, latencies times {@code currentLatencyFactor}); returns {@code dir}.
   */
  static Path writeInterleavedRun(Path dir, double currentLatencyFactor, String... scenarios) {
    RunResultsWriter.writeToFolder(
        InterleavedRuns.combine(run(1, 1.0, scenarios), run(2, currentLatencyFactor, scenarios)),
        dir);
    return dir;
  }

  private static RunResults run(long seed, double latencyFactor, String... scenarios) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> scenarioList = List.of(scenarios);
    List<LoadSetting> load = new ArrayList<>();
    List<ApiScenarioResult> results = new ArrayList<>();
    for (String scenario : scenarioList) {
      load.add(new LoadSetting(scenario, "open", 50.0, null, 4, 64));
      results.add(result(scenario, latencyFactor, random));
    }
    Settings settings =
        new Settings(
            "custom",
            10,
            List.of("grpc-blazebinary"),
            scenarioList,
            "grpc-blazebinary",
            5.0,
            2.0,
            1.0,
            load,
            "skipped");
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
            STARTED_AT.plusSeconds(120),
            new Placement(false, null, null, "not pinned"),
            null);
    return RunResults.of(environment, settings, List.of(), results, null);
  }

  private static ApiScenarioResult result(
      String scenario, double latencyFactor, SplittableRandom random) {
    Histogram all = new Histogram(3);
    List<RoundResult> rounds = new ArrayList<>();
    for (int round = 1; round <= 10; round++) {
      long p50 = Math.round(10_000 * latencyFactor * (1 + 0.02 * (2 * random.nextDouble() - 1)));
      all.recordValueWithCount(p50, 250);
      rounds.add(
          new RoundResult(
              round,
              STARTED_AT.plusSeconds(10L * round),
              "rounds/r" + round + "/grpc-blazebinary--" + scenario + "/results.json",
              5.0,
              250,
              0,
              50.0,
              p50,
              p50,
              p50 * 2,
              p50 * 3,
              p50 * 4,
              p50 * 5,
              120.0,
              80_000.0,
              200.0,
              81_000.0,
              p50 / 10.0,
              p50 / 5.0,
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
            50.0,
            all.getTotalCount(),
            0,
            errors,
            50.0,
            latency,
            latency,
            120.0,
            80_000.0,
            200.0,
            81_000.0,
            1_000.0,
            2_000.0,
            null,
            null,
            null);
    return new ApiScenarioResult("grpc-blazebinary", scenario, "query", rounds, total, List.of());
  }
}
