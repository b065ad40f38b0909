package dev.blazebench.harness.compare;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the rest of a compare will take, for the console: each remaining run's warm-up and
 * measured time plus its overhead (connect, prepare, drain) as last seen for the same API and
 * scenario, or a guess before round 1 has shown it; then the codec benchmarks.
 */
final class TimeEstimate {

  /** JMH's quick profile per benchmark: fork start, 2 x 1 s warm-up, 3 x 1 s measured. */
  static final double CODEC_SECONDS_PER_BENCHMARK = 6.5;

  /** The size report and the benchmarks jar check. */
  static final double CODEC_FIXED_SECONDS = 4;

  private final ComparePlan plan;
  private final Map<String, Double> overheadSec = new HashMap<>();

  TimeEstimate(ComparePlan plan) {
    this.plan = plan;
  }

  /** Records that {@code run} took {@code elapsedSec} in all. */
  void observed(PlannedRun run, double elapsedSec) {
    overheadSec.put(key(run), Math.max(0, elapsedSec - plannedSec(run)));
  }

  /** Seconds the runs from {@code next} on, the codec benchmarks and the report will take. */
  double secondsLeft(List<PlannedRun> runs, int next) {
    double seconds = 0;
    for (int i = next; i < runs.size(); i++) {
      PlannedRun run = runs.get(i);
      // Before a measured run was seen, its warm-up round twin's overhead is the best guess.
      Double seen = overheadSec.get(key(run));
      if (seen == null) {
        seen = overheadSec.get(key(new PlannedRun(0, run.scenario(), run.api())));
      }
      seconds += plannedSec(run) + (seen != null ? seen : guessOverheadSec(run));
    }
    return seconds + codecSeconds() + 2;
  }

  /** The codec step's share, 0 when it is skipped. */
  double codecSeconds() {
    return plan.codec()
        ? CODEC_FIXED_SECONDS + CODEC_SECONDS_PER_BENCHMARK * plan.codecBenchmarks()
        : 0;
  }

  private double plannedSec(PlannedRun run) {
    return (run.round() == 0 ? 0 : seconds(plan.warmup()))
        + seconds(LoadStep.measuredDuration(plan, run));
  }

  /**
   * Before a run was seen: half a second to connect and prepare; a polled realtime run waits about
   * half an interval for its first probe and another for the last delivery.
   */
  private static double guessOverheadSec(PlannedRun run) {
    Duration interval = LoadStep.pollIntervalOf(run);
    return interval == null ? 0.5 : 0.5 + seconds(interval);
  }

  private static String key(PlannedRun run) {
    return (run.round() == 0 ? "warm-up " : "") + run.scenario() + " " + run.api();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
