package dev.blazebench.reports.gate;

import java.util.Objects;

/**
 * The gate's finding for one metric: the baseline's and the current's figure (the median of the
 * rounds, or the exact value), their ratio, for sampled metrics the U test and the bootstrap
 * interval, the verdict and a sentence saying why.
 *
 * @param exact true for figures compared without statistics (bytes per operation)
 * @param baselineRounds rounds with a value in the baseline (1 for exact figures that exist)
 * @param baselineValue the baseline's median of its rounds, or its exact value; NaN when absent
 * @param ratio current / baseline: of the medians, or for paired rounds (an interleaved run) the
 *     median of the per-round ratios; NaN when absent or undefined
 * @param interval the bootstrap interval of the ratio of medians; null for exact figures or without
 *     data
 * @param rankTest the rank test of the rounds ({@link MannWhitneyU}, or {@link WilcoxonSignedRank}
 *     for paired rounds); null for exact figures or without data
 * @param adjustedPValue the rank test's p-value adjusted over the gate run's sampled metrics
 *     ({@link Holm}), which is what alpha is compared with; the p-value itself when the family is
 *     one metric; NaN for exact figures or without data
 * @param familySize how many sampled metrics the adjustment was made over (1: none)
 * @param reason why the verdict, with the figures, in one sentence
 */
public record MetricComparison(
    MetricId id,
    Direction direction,
    boolean exact,
    int baselineRounds,
    int currentRounds,
    double baselineValue,
    double currentValue,
    double ratio,
    RatioInterval interval,
    RankTest rankTest,
    double adjustedPValue,
    int familySize,
    Verdict verdict,
    String reason) {

  public MetricComparison {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }
}
