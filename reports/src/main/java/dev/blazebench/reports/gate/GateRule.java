package dev.blazebench.reports.gate;

import java.util.Locale;

/**
 * The decision for one metric. A sampled metric (one value per round) <b>regresses</b> only when
 * all three hold:
 *
 * <ol>
 *   <li>the ratio of medians (current / baseline) is beyond the threshold in the bad direction
 *       (above {@code 1 + threshold} where higher is worse, below {@code 1 - threshold} where lower
 *       is worse);
 *   <li>the two-sided Mann-Whitney U test gives {@code p < alpha}: the rounds differ beyond what
 *       shuffling them would give. In a gate run the p-value is first adjusted over all its sampled
 *       metrics ({@link Holm}, {@link GateSettings#familyWise()});
 *   <li>the whole bootstrap interval of the ratio of medians, at level {@code 1 - alpha}, lies on
 *       the bad side of 1 (no change): the bootstrap agrees with the U test on the direction. With
 *       {@link GateSettings#strictInterval()} it must lie beyond the threshold instead, which shows
 *       the change is larger than the threshold, not merely real; on real rounds that costs most of
 *       the power to find a 10% slowdown (reports/README.md, The gate), so it is not the default.
 * </ol>
 *
 * Under no change, (2) alone fails a metric with probability at most alpha / 2 in the bad
 * direction, so the false-alarm rate per metric is at most alpha whatever the noise; with the
 * adjustment, the rate per gate run (any metric) is at most alpha.
 *
 * <p>The same three in the good direction make an {@link Verdict#IMPROVEMENT}; a median beyond the
 * threshold in the bad direction without the other two is {@link Verdict#UNCLEAR}; the rest pass.
 *
 * <p>An exact metric (bytes per operation: the same work sends the same bytes, so one figure per
 * run says it all) regresses when {@code current > baseline * (1 + threshold)}, with no statistics.
 * A smaller change is reported in the reason but passes: payload bytes move only when the encoding
 * changes, and wire bytes also carry HTTP/2 housekeeping (PING, WINDOW_UPDATE) shared over the
 * calls and the answers of calls in flight at the warm-up boundary, which vary by a few percent
 * from run to run.
 */
public final class GateRule {

  private GateRule() {}

  /**
   * Compares one metric's round values on their own (a family of one: the p-value is not adjusted).
   * Empty arrays mean "not measured" on that side.
   */
  public static MetricComparison compareSamples(
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      GateSettings settings) {
    double pValue =
        isTestable(baseline, current) ? MannWhitneyU.test(baseline, current).pValue() : 1;
    return compareSamples(id, direction, baseline, current, settings, pValue, 1, false);
  }

  /**
   * Compares one metric's paired round values on their own (a family of one): {@code baseline[i]}
   * and {@code current[i]} come from the same round of an interleaved run ({@link
   * InterleavedRuns}). The change is the median of the per-round ratios, its p-value from the
   * {@link WilcoxonSignedRank} test of the log ratios, its interval from resampling rounds.
   */
  public static MetricComparison comparePairs(
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      GateSettings settings) {
    double pValue = isTestable(baseline, current) ? rankTest(baseline, current, true).pValue() : 1;
    return compareSamples(id, direction, baseline, current, settings, pValue, 1, true);
  }

  /**
   * The rank test of a sampled metric: the signed-rank test of the log ratios for paired rounds,
   * else the U test. Values must be positive.
   */
  static RankTest rankTest(double[] baseline, double[] current, boolean paired) {
    return paired
        ? WilcoxonSignedRank.test(logs(baseline), logs(current))
        : MannWhitneyU.test(baseline, current);
  }

  /** The change a sampled metric shows: the ratio of medians, or for pairs the median ratio. */
  static double ratioOf(double[] baseline, double[] current, boolean paired) {
    return paired
        ? MedianRatioBootstrap.pairedRatio(baseline, current)
        : Medians.of(current) / Medians.of(baseline);
  }

  private static RatioInterval intervalOf(
      MetricId id, double[] baseline, double[] current, boolean paired, GateSettings settings) {
    long seed = id.bootstrapSeed(settings.seed());
    return paired
        ? MedianRatioBootstrap.pairedInterval(
            baseline, current, settings.confidenceLevel(), settings.bootstrapResamples(), seed)
        : MedianRatioBootstrap.interval(
            baseline, current, settings.confidenceLevel(), settings.bootstrapResamples(), seed);
  }

  private static double[] logs(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }

  /**
   * Compares one metric's round values as one of {@code familySize} sampled metrics of a gate run:
   * significance is judged on {@code adjustedPValue}, the metric's rank-test p-value after {@link
   * Holm}'s adjustment over the family ({@link Gate} computes it). {@code paired}: the values are
   * pairs by position (an interleaved run's rounds).
   */
  static MetricComparison compareSamples(
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      GateSettings settings,
      double adjustedPValue,
      int familySize,
      boolean paired) {
    if (baseline.length == 0 || current.length == 0) {
      String missing =
          baseline.length == 0 && current.length == 0
              ? "neither run"
              : baseline.length == 0 ? "the baseline" : "the current run";
      return noData(
          id, direction, false, baseline, current, "not measured in " + missing + "'s rounds");
    }
    if (!isTestable(baseline, current)) {
      return noData(
          id,
          direction,
          false,
          baseline,
          current,
          "a round has a value of 0 or less, so a ratio of medians is undefined");
    }
    double baselineMedian = Medians.of(baseline);
    double currentMedian = Medians.of(current);
    double ratio = ratioOf(baseline, current, paired);
    RankTest test = rankTest(baseline, current, paired);
    RatioInterval interval = intervalOf(id, baseline, current, paired, settings);
    Verdict verdict = decide(direction, ratio, adjustedPValue, interval, settings);
    return new MetricComparison(
        id,
        direction,
        false,
        baseline.length,
        current.length,
        baselineMedian,
        currentMedian,
        ratio,
        interval,
        test,
        adjustedPValue,
        familySize,
        verdict,
        explainSampled(
            verdict, direction, ratio, test, adjustedPValue, familySize, interval, settings));
  }

  /**
   * Whether two sets of rounds can be compared with statistics: both measured, every value positive
   * (a ratio of medians needs it).
   */
  static boolean isTestable(double[] baseline, double[] current) {
    return baseline.length > 0
        && current.length > 0
        && allPositive(baseline)
        && allPositive(current);
  }

  /**
   * The verdict alone, as {@link #compareSamples} would give it, drawing the bootstrap only when
   * the verdict depends on it (the median beyond the threshold and p below alpha). For studies that
   * run the gate thousands of times (GateCalibration); values must be positive.
   */
  static Verdict verdictOf(
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      GateSettings settings) {
    return verdictOf(id, direction, baseline, current, settings, Double.NaN, false);
  }

  /**
   * As {@link #verdictOf(MetricId, Direction, double[], double[], GateSettings)}, judging
   * significance on {@code adjustedPValue} (the rank test's p-value after the family's adjustment;
   * NaN computes the test here, unadjusted), for paired rounds when {@code paired}.
   */
  static Verdict verdictOf(
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      GateSettings settings,
      double adjustedPValue,
      boolean paired) {
    double ratio = ratioOf(baseline, current, paired);
    double threshold = settings.thresholdFraction();
    boolean worse = direction.isWorseBeyond(ratio, threshold);
    if (!worse && !direction.isBetterBeyond(ratio, threshold)) {
      return Verdict.PASS;
    }
    double pValue =
        Double.isNaN(adjustedPValue)
            ? rankTest(baseline, current, paired).pValue()
            : adjustedPValue;
    if (pValue >= settings.alpha()) {
      return worse ? Verdict.UNCLEAR : Verdict.PASS;
    }
    RatioInterval interval = intervalOf(id, baseline, current, paired, settings);
    return decide(direction, ratio, pValue, interval, settings);
  }

  /** The rule itself, apart so that the calibration study applies exactly what the gate applies. */
  public static Verdict decide(
      Direction direction,
      double ratio,
      double pValue,
      RatioInterval interval,
      GateSettings settings) {
    double threshold = settings.thresholdFraction();
    double margin = settings.intervalMarginFraction();
    boolean significant = pValue < settings.alpha();
    if (direction.isWorseBeyond(ratio, threshold)) {
      boolean intervalBeyond =
          direction.isWorseBeyond(direction.boundNearestNoChangeOnWorseSide(interval), margin);
      return significant && intervalBeyond ? Verdict.REGRESSION : Verdict.UNCLEAR;
    }
    if (direction.isBetterBeyond(ratio, threshold)
        && significant
        && direction.isBetterBeyond(direction.boundNearestNoChangeOnBetterSide(interval), margin)) {
      return Verdict.IMPROVEMENT;
    }
    return Verdict.PASS;
  }

  /** Compares one exact figure; null means "not measured" on that side. */
  public static MetricComparison compareExact(
      MetricId id, Direction direction, Double baseline, Double current, GateSettings settings) {
    double[] baselineValues = baseline == null ? new double[0] : new double[] {baseline};
    double[] currentValues = current == null ? new double[0] : new double[] {current};
    if (baseline == null || current == null) {
      String missing =
          baseline == null && current == null
              ? "neither run"
              : baseline == null ? "the baseline" : "the current run";
      return noData(
          id, direction, true, baselineValues, currentValues, "not measured in " + missing);
    }
    double ratio;
    if (baseline == 0) {
      ratio = current == 0 ? 1 : current > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    } else {
      ratio = current / baseline;
    }
    double threshold = settings.thresholdFraction();
    Verdict verdict;
    String reason;
    if (direction.isWorseBeyond(ratio, threshold)) {
      verdict = Verdict.REGRESSION;
      reason =
          "exact figure " + change(ratio) + ", beyond the " + percent(threshold) + " threshold";
    } else if (direction.isBetterBeyond(ratio, threshold)) {
      verdict = Verdict.IMPROVEMENT;
      reason =
          "exact figure " + change(ratio) + ", beyond the " + percent(threshold) + " threshold";
    } else {
      verdict = Verdict.PASS;
      reason =
          current.equals(baseline)
              ? "exact figure unchanged"
              : "exact figure "
                  + change(ratio)
                  + ", within the "
                  + percent(threshold)
                  + " threshold";
    }
    return new MetricComparison(
        id,
        direction,
        true,
        1,
        1,
        baseline,
        current,
        ratio,
        null,
        null,
        Double.NaN,
        1,
        verdict,
        reason);
  }

  private static MetricComparison noData(
      MetricId id,
      Direction direction,
      boolean exact,
      double[] baseline,
      double[] current,
      String reason) {
    return new MetricComparison(
        id,
        direction,
        exact,
        baseline.length,
        current.length,
        baseline.length == 0 ? Double.NaN : Medians.of(baseline),
        current.length == 0 ? Double.NaN : Medians.of(current),
        Double.NaN,
        null,
        null,
        Double.NaN,
        1,
        Verdict.NO_DATA,
        reason);
  }

  private static String explainSampled(
      Verdict verdict,
      Direction direction,
      double ratio,
      RankTest test,
      double adjustedPValue,
      int familySize,
      RatioInterval interval,
      GateSettings settings) {
    double threshold = settings.thresholdFraction();
    String median =
        (test instanceof WilcoxonSignedRank.Result ? "median round ratio " : "median ")
            + change(ratio);
    String p =
        familySize > 1
            ? "p = "
                + pValue(test.pValue())
                + " (Holm-adjusted over "
                + familySize
                + " metrics: "
                + pValue(adjustedPValue)
                + ")"
            : "p = " + pValue(test.pValue());
    String ci =
        percent(interval.level())
            + " interval ["
            + ratioText(interval.lower())
            + ", "
            + ratioText(interval.upper())
            + "]";
    switch (verdict) {
      case REGRESSION:
      case IMPROVEMENT:
        return median
            + " beyond the "
            + percent(threshold)
            + " threshold, "
            + p
            + " < "
            + formatNumber(settings.alpha())
            + ", "
            + ci
            + " entirely "
            + (ratio > 1
                ? "above " + ratioText(1 + settings.intervalMarginFraction())
                : "below " + ratioText(1 - settings.intervalMarginFraction()));
      case UNCLEAR:
        {
          StringBuilder why = new StringBuilder(median);
          why.append(" beyond the ")
              .append(percent(threshold))
              .append(" threshold but not clear: ");
          if (adjustedPValue >= settings.alpha()) {
            why.append(p).append(" >= ").append(formatNumber(settings.alpha()));
            double smallest = Math.min(1, familySize * test.smallestPossiblePValue());
            if (smallest >= settings.alpha()) {
              why.append(" (")
                  .append(test.samplesText())
                  .append(" cannot give less than ")
                  .append(pValue(smallest))
                  .append(familySize > 1 ? " after the adjustment" : "")
                  .append(")");
            }
          } else {
            why.append(ci)
                .append(" reaches ")
                .append(direction == Direction.HIGHER_IS_WORSE ? "below " : "above ")
                .append(
                    ratioText(
                        direction == Direction.HIGHER_IS_WORSE
                            ? 1 + settings.intervalMarginFraction()
                            : 1 - settings.intervalMarginFraction()));
          }
          return why.toString();
        }
      default:
        return median + ", " + p + ", " + ci;
    }
  }

  private static boolean allPositive(double[] values) {
    for (double value : values) {
      if (!(value > 0) || Double.isInfinite(value)) {
        return false;
      }
    }
    return true;
  }

  /** {@code +12.3%}, {@code -4.0%}, {@code ±0.0%}. */
  static String change(double ratio) {
    if (Double.isInfinite(ratio)) {
      return ratio > 0 ? "from 0 to more" : "from 0 to less";
    }
    double percent = (ratio - 1) * 100;
    String text = String.format(Locale.US, "%+.1f%%", percent);
    return text.equals("+0.0%") || text.equals("-0.0%") ? "±0.0%" : text;
  }

  static String percent(double fraction) {
    return formatNumber(fraction * 100) + "%";
  }

  static String ratioText(double ratio) {
    return String.format(Locale.US, "%.3f", ratio);
  }

  static String pValue(double p) {
    return p < 0.0001 ? String.format(Locale.US, "%.1e", p) : String.format(Locale.US, "%.4f", p);
  }

  /** A number without trailing zeros: 5, 2.5, 0.01. */
  static String formatNumber(double value) {
    // Ten significant digits hide binary noise: 0.07 * 100 prints 7, not 7.000000000000001.
    return java.math.BigDecimal.valueOf(value)
        .round(new java.math.MathContext(10))
        .stripTrailingZeros()
        .toPlainString();
  }
}
