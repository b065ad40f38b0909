package dev.blazebench.reports.render;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a reader must know before trusting the figures: the run's own warnings, and the ones the
 * figures themselves show (a saturated injector, cores shared by server and driver, rounds that
 * disagree, failed calls, the closed model), each said once.
 */
final class Warnings {

  /** Rounds whose medians differ by more than this (max / min - 1) are called noisy. */
  static final double NOISY_SPREAD = 0.25;

  private Warnings() {}

  static List<String> of(RunResults run) {
    List<String> warnings = new ArrayList<>();
    for (RunWarning warning : run.warnings()) {
      warnings.add(warning.code() + ": " + warning.message());
    }
    if (!hasCode(run, "cores-shared") && !run.environment().placement().pinned()) {
      warnings.add(
          "cores-shared: server and driver were not pinned to separate CPUs ("
              + run.environment().placement().note()
              + "); latencies include their competition for "
              + run.environment().cores()
              + " cores.");
    }
    for (ApiScenarioResult result : run.results()) {
      String name = result.api() + " " + result.scenario() + " (" + result.operation() + ")";
      if (!hasCode(run, "injector-saturated")) {
        List<Integer> saturated =
            result.rounds().stream()
                .filter(RoundResult::injectorSaturated)
                .map(RoundResult::round)
                .toList();
        if (!saturated.isEmpty()) {
          warnings.add(
              "injector-saturated: "
                  + name
                  + ", round "
                  + saturated.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + ": the load driver itself was the bottleneck; these figures measure it too.");
        }
      }
      if (!hasCode(run, "noisy-rounds")) {
        noisy(result).ifPresent(text -> warnings.add("noisy-rounds: " + name + ": " + text));
      }
      if (!hasCode(run, "errors") && result.total().errorCount() > 0) {
        String byClass =
            result.total().errors().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        warnings.add(
            "errors: "
                + name
                + ": "
                + Fmt.count(result.total().errorCount())
                + " failed calls ("
                + byClass
                + "); failures are not in the latency figures.");
      }
    }
    for (LoadSetting load : run.settings().load()) {
      if (load.model().equals("closed")) {
        warnings.add(
            "closed-model: "
                + load.scenario()
                + " ran in the closed model ("
                + load.closedInFlight()
                + " in flight): throughput adapts to the server and queueing does not show in"
                + " latency.");
      }
    }
    if (run.codec() == null) {
      warnings.add(
          "codec-skipped: the codec benchmarks did not run; format claims are not measured.");
    }
    return warnings;
  }

  private static Optional<String> noisy(ApiScenarioResult result) {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (RoundResult round : result.rounds()) {
      if (round.count() > 0) {
        min = Math.min(min, round.p50Micros());
        max = Math.max(max, round.p50Micros());
      }
    }
    if (result.rounds().size() < 2 || min == Long.MAX_VALUE || min == 0) {
      return Optional.empty();
    }
    double spread = (double) max / min - 1;
    if (spread <= NOISY_SPREAD) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.US,
            "round medians range from %s to %s (%.0f%% apart); read its ratios with care.",
            Fmt.micros(min),
            Fmt.micros(max),
            spread * 100));
  }

  private static boolean hasCode(RunResults run, String code) {
    return run.warnings().stream().anyMatch(w -> w.code().equals(code));
  }
}
