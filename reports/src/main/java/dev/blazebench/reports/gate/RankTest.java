package dev.blazebench.reports.gate;

/**
 * The rank test behind a sampled metric's p-value: {@link MannWhitneyU} for two separate runs,
 * {@link WilcoxonSignedRank} for the paired rounds of an interleaved run.
 */
public sealed interface RankTest permits MannWhitneyU.Result, WilcoxonSignedRank.Result {

  /** Two-sided, before any adjustment for the number of metrics. */
  double pValue();

  /** The smallest p-value any outcome could give with these sample sizes. */
  double smallestPossiblePValue();

  /**
   * The samples it was made on, for a sentence: {@code 5 and 6 rounds}, {@code 8 pairs of rounds}.
   */
  String samplesText();
}
