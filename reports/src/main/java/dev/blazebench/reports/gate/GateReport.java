package dev.blazebench.reports.gate;

import java.util.List;
import java.util.Objects;

/**
 * Everything one gate run found: the two runs it compared, its settings, one {@link
 * MetricComparison} per metric (in results order, then metric order), and notes a reader should see
 * before the verdicts (differences in settings, round counts too small to show anything).
 *
 * @param baselineSource the baseline's results file, as named in messages
 * @param currentSource the current run's results file
 * @param pairedRounds the two builds of one interleaved run, compared as pairs of rounds ({@link
 *     Gate#compareInterleaved})
 */
public record GateReport(
    String baselineSource,
    String currentSource,
    GateSettings settings,
    List<MetricComparison> comparisons,
    List<String> notes,
    boolean pairedRounds) {

  public GateReport {
    Objects.requireNonNull(baselineSource, "baselineSource");
    Objects.requireNonNull(currentSource, "currentSource");
    Objects.requireNonNull(settings, "settings");
    comparisons = List.copyOf(comparisons);
    notes = List.copyOf(notes);
  }

  /** The metrics that regressed; the gate fails when there is any. */
  public List<MetricComparison> regressions() {
    return withVerdict(Verdict.REGRESSION);
  }

  public boolean hasRegression() {
    return comparisons.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION);
  }

  public List<MetricComparison> withVerdict(Verdict verdict) {
    return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
  }
}
