package dev.blazebench.harness.compare;

import dev.blazebench.load.results.ScenarioResult;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a reader must know before trusting a compare's figures, as results.json's warnings: each
 * names the API, scenario and rounds concerned, and a stable code for tools.
 *
 * <ul>
 *   <li>{@code cores-shared}: server and driver were not on separate CPUs;
 *   <li>{@code machine-busy}: other processes loaded the machine when the run started;
 *   <li>{@code injector-saturated}: the driver itself was the bottleneck in a round;
 *   <li>{@code server-saturated}: the server's CPU was busy more than 90% of a round;
 *   <li>{@code jit-compiling}: the server's JIT compilers took {@value #JIT_COMPILING_PERCENT}% or
 *       more of its CPUs' time in a round: its code was still being compiled while measured;
 *   <li>{@code load-not-offered}: operations due were never sent (the in-flight cap was full);
 *   <li>{@code errors}: calls failed;
 *   <li>{@code noisy-rounds}: p50 varied by more than {@value #NOISY_CV_PERCENT}% (coefficient of
 *       variation) from round to round;
 *   <li>{@code run-failed}: a run could not be made at all;
 *   <li>{@code partial}: the compare was stopped before its end.
 * </ul>
 */
final class RunWarnings {

  /** Round-to-round coefficient of variation of p50 above which rounds count as noisy. */
  static final int NOISY_CV_PERCENT = 20;

  /** Server CPU share of its cores above which it counts as saturated. */
  static final double SERVER_SATURATED = 0.9;

  /**
   * Share of the server's CPUs' time (in percent, over a run's measured part) its JIT compiler
   * threads may take before the run counts as measured during warm-up. In a quick compare here
   * (2026-11-29) 6 of 28 runs reached it (up to 45%); after a 20 s warm-up round per API and
   * scenario, 3 of 24 (up to 39%; two of them round 1's first run after a scenario switch).
   */
  static final int JIT_COMPILING_PERCENT = 10;

  private final List<RunWarning> warnings = new ArrayList<>();

  List<RunWarning> list() {
    return List.copyOf(warnings);
  }

  void add(String code, String message) {
    warnings.add(new RunWarning(code, message));
  }

  /** {@code cores-shared} unless the server and the driver had CPUs of their own. */
  void placement(CpuPlacement placement) {
    if (!placement.pinned()) {
      add(
          "cores-shared",
          placement.note()
              + "; their latencies include competing with each other for the same cores");
    }
  }

  /** {@code machine-busy} when the load average before the run was half the cores or more. */
  void machineLoad(double loadAverage, int cores) {
    if (loadAverage >= 0.5 * cores) {
      add(
          "machine-busy",
          String.format(
              Locale.US,
              "the machine's 1-minute load average was %.2f on %d cores when the run started:"
                  + " other processes competed for the CPUs, so absolute figures are pessimistic"
                  + " (the interleaved rounds spread it over every API alike)",
              loadAverage,
              cores));
    }
  }

  /**
   * The warnings the load runs themselves give (driver saturated, load not sent, server saturated),
   * one per API and scenario, naming the rounds.
   */
  void runs(List<CompletedRun> runs) {
    Map<String, List<String>> saturated = new LinkedHashMap<>();
    Map<String, List<String>> notSent = new LinkedHashMap<>();
    Map<String, List<String>> serverBusy = new LinkedHashMap<>();
    Map<String, List<String>> compiling = new LinkedHashMap<>();
    for (CompletedRun run : runs) {
      PlannedRun p = run.planned();
      String key = p.api() + " " + p.scenario();
      ScenarioResult scenario = ResultsAssembly.scenarioOf(run);
      if (!"ok".equals(run.results().injectorVerdict())) {
        saturated
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                "round "
                    + p.round()
                    + ": "
                    + String.join("; ", run.results().drivers().get(0).injector().reasons()));
      }
      if (scenario.scheduledNotSent() > 0) {
        notSent
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add("round " + p.round() + ": " + scenario.scheduledNotSent());
      }
      double durationSec = run.results().run().durationSec();
      if (run.serverCpuNanos() > 0 && durationSec > 0) {
        double busy = run.serverCpuNanos() / 1e9 / durationSec / run.serverCores();
        if (busy > SERVER_SATURATED) {
          serverBusy
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(String.format(Locale.US, "round %d: %.0f%%", p.round(), busy * 100));
        }
      }
      if (run.serverJitCpuNanos() >= 0 && durationSec > 0 && run.serverCores() > 0) {
        double jit = run.serverJitCpuNanos() / 1e9 / durationSec / run.serverCores();
        if (jit * 100 >= JIT_COMPILING_PERCENT) {
          compiling
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(String.format(Locale.US, "round %d: %.0f%%", p.round(), jit * 100));
        }
      }
    }
    saturated.forEach(
        (key, rounds) ->
            add(
                "injector-saturated",
                key
                    + ": the load driver was saturated ("
                    + String.join("; ", rounds)
                    + "): in those rounds it measured itself as much as the server"));
    notSent.forEach(
        (key, rounds) ->
            add(
                "load-not-offered",
                key
                    + ": operations due were never sent because the in-flight cap was full ("
                    + String.join("; ", rounds)
                    + "): the API did not keep up with the offered load"));
    serverBusy.forEach(
        (key, rounds) ->
            add(
                "server-saturated",
                key
                    + ": the server's CPU was busy more than "
                    + Math.round(SERVER_SATURATED * 100)
                    + "% of the measured time ("
                    + String.join("; ", rounds)
                    + "): its queue was measured as much as its speed"));
    compiling.forEach(
        (key, rounds) ->
            add(
                "jit-compiling",
                key
                    + ": the server's JIT compilers took "
                    + JIT_COMPILING_PERCENT
                    + "% or more of its CPU time while measured ("
                    + String.join("; ", rounds)
                    + "): its code was still being compiled, so these latencies include"
                    + " warm-up (a longer --warmup-round, or more rounds, measures it"
                    + " compiled)"));
  }

  /**
   * {@code errors} and {@code noisy-rounds} per API × scenario, naming the operation where the
   * scenario has several (aggregate: aggregate, download-count).
   */
  void results(List<ApiScenarioResult> results) {
    Map<String, Integer> operationsPerPair = new LinkedHashMap<>();
    for (ApiScenarioResult result : results) {
      operationsPerPair.merge(result.api() + " " + result.scenario(), 1, Integer::sum);
    }
    for (ApiScenarioResult result : results) {
      String pair = result.api() + " " + result.scenario();
      String label = operationsPerPair.get(pair) > 1 ? pair + " " + result.operation() : pair;
      if (result.total().errorCount() > 0) {
        StringJoiner classes = new StringJoiner(", ");
        for (Map.Entry<String, Long> e : result.total().errors().entrySet()) {
          if (e.getValue() > 0) {
            classes.add(e.getKey() + " " + e.getValue());
          }
        }
        StringJoiner rounds = new StringJoiner(", ");
        for (RoundResult round : result.rounds()) {
          if (round.errorCount() > 0) {
            rounds.add(Integer.toString(round.round()));
          }
        }
        add(
            "errors",
            String.format(
                Locale.US,
                "%s: %d of %d calls failed (%s) in round %s; failed calls are not in the"
                    + " latencies",
                label,
                result.total().errorCount(),
                result.total().errorCount() + result.total().count(),
                classes,
                rounds));
      }
      Double cv = p50VariationPercent(result.rounds());
      if (cv != null && cv > NOISY_CV_PERCENT) {
        StringJoiner p50s = new StringJoiner(", ");
        for (RoundResult round : result.rounds()) {
          p50s.add(String.format(Locale.US, "%.3f", round.p50Micros() / 1000.0));
        }
        add(
            "noisy-rounds",
            String.format(
                Locale.US,
                "%s: p50 varied %.0f%% between rounds (%s ms; coefficient of variation, limit"
                    + " %d%%): read its ratios with their spread",
                label,
                cv,
                p50s,
                NOISY_CV_PERCENT));
      }
    }
  }

  /**
   * The coefficient of variation of the rounds' p50, in percent (sample standard deviation over the
   * mean), or null with fewer than two rounds that measured something.
   */
  static Double p50VariationPercent(List<RoundResult> rounds) {
    List<Long> p50s = new ArrayList<>();
    for (RoundResult round : rounds) {
      if (round.count() > 0) {
        p50s.add(round.p50Micros());
      }
    }
    if (p50s.size() < 2) {
      return null;
    }
    double mean = p50s.stream().mapToLong(Long::longValue).average().orElse(0);
    if (mean <= 0) {
      return null;
    }
    double squares = 0;
    for (long p50 : p50s) {
      squares += (p50 - mean) * (p50 - mean);
    }
    double sd = Math.sqrt(squares / (p50s.size() - 1));
    return 100 * sd / mean;
  }
}
