package dev.blazebench.reports.gate;

/**
 * How strict the gate is: what change is material ({@code thresholdFraction}), how sure it must be
 * ({@code alpha}), and how the bootstrap runs. Defaults are in {@link #defaults()}.
 *
 * @param thresholdFraction a change smaller than this (0.05 = 5%) never fails the gate
 * @param alpha the U test's significance level; the bootstrap interval is at {@code 1 - alpha}
 * @param bootstrapResamples resamples per metric for the interval of the ratio of medians
 * @param seed the bootstrap generator's seed (mixed with each metric's name), so a gate run is
 *     reproducible
 * @param strictInterval when true, the bootstrap interval must lie entirely beyond the threshold
 *     (the change is shown to exceed it); when false (the default), entirely beyond no change (the
 *     change is shown to exist, and its median estimate exceeds the threshold). Strict costs most
 *     of the gate's power: reports/README.md, The gate, has the figures.
 * @param familyWise when true (the default), alpha holds for the whole gate run: the U tests'
 *     p-values of all sampled metrics are adjusted with {@link Holm}'s method before they are
 *     compared with alpha, so two runs of the same build fail the gate in at most alpha of gate
 *     runs however many metrics they have; when false, alpha holds per metric, and a gate run of m
 *     metrics can raise a false alarm in up to m × alpha of runs
 */
public record GateSettings(
    double thresholdFraction,
    double alpha,
    int bootstrapResamples,
    long seed,
    boolean strictInterval,
    boolean familyWise) {

  public static final double DEFAULT_THRESHOLD_FRACTION = 0.05;
  public static final double DEFAULT_ALPHA = 0.01;
  public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 10_000;
  public static final long DEFAULT_SEED = 20_261_127L;

  public GateSettings {
    if (!(thresholdFraction >= 0 && thresholdFraction < 1)) {
      throw new IllegalArgumentException(
          "threshold " + thresholdFraction + " must be at least 0 and below 1 (100%)");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha " + alpha + " must be between 0 and 1");
    }
    if (bootstrapResamples < 100) {
      throw new IllegalArgumentException(
          "bootstrapResamples " + bootstrapResamples + " must be at least 100");
    }
  }

  /**
   * 5% threshold, alpha 0.01 for the whole gate run (Holm), 10,000 resamples, a fixed seed, the
   * interval beyond no change.
   */
  public static GateSettings defaults() {
    return new GateSettings(
        DEFAULT_THRESHOLD_FRACTION,
        DEFAULT_ALPHA,
        DEFAULT_BOOTSTRAP_RESAMPLES,
        DEFAULT_SEED,
        false,
        true);
  }

  public GateSettings withThresholdFraction(double newThresholdFraction) {
    return new GateSettings(
        newThresholdFraction, alpha, bootstrapResamples, seed, strictInterval, familyWise);
  }

  public GateSettings withAlpha(double newAlpha) {
    return new GateSettings(
        thresholdFraction, newAlpha, bootstrapResamples, seed, strictInterval, familyWise);
  }

  public GateSettings withStrictInterval(boolean newStrictInterval) {
    return new GateSettings(
        thresholdFraction, alpha, bootstrapResamples, seed, newStrictInterval, familyWise);
  }

  public GateSettings withFamilyWise(boolean newFamilyWise) {
    return new GateSettings(
        thresholdFraction, alpha, bootstrapResamples, seed, strictInterval, newFamilyWise);
  }

  /**
   * How far from 1 the interval must lie, as a fraction: the threshold when strict, else 0 (it must
   * only exclude "no change").
   */
  public double intervalMarginFraction() {
    return strictInterval ? thresholdFraction : 0;
  }

  /** The bootstrap interval's confidence level, {@code 1 - alpha}. */
  public double confidenceLevel() {
    return 1 - alpha;
  }
}
