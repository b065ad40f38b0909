package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ratio of one figure of two APIs in each round of a scenario, rounds paired by number. APIs
 * run interleaved in rounds (A B C A B C), so a machine's drift touches both sides of a ratio
 * alike; the median of the per-round ratios is what the report states, beside the absolute figures;
 * a claim is judged on the median's confidence interval ({@link MedianInterval}).
 *
 * @param ratios one per round both APIs completed with the figure, in round order
 * @param missingReason why there are none, null when there are
 */
public record RoundRatios(List<Double> ratios, String missingReason) {

  public RoundRatios {
    ratios = List.copyOf(ratios);
  }

  /** {@code field} of {@code numeratorApi} over that of {@code denominatorApi}, per round. */
  public static RoundRatios of(
      RunResults run,
      String scenario,
      String numeratorApi,
      String denominatorApi,
      ResultField field) {
    ResultRef numeratorRef = ResultRef.parse(scenario, numeratorApi);
    ResultRef denominatorRef = ResultRef.parse(scenario, denominatorApi);
    Optional<ApiScenarioResult> numerator = numeratorRef.find(run);
    if (numerator.isEmpty()) {
      return new RoundRatios(List.of(), numeratorRef.whyAbsent(run));
    }
    Optional<ApiScenarioResult> denominator = denominatorRef.find(run);
    if (denominator.isEmpty()) {
      return new RoundRatios(List.of(), denominatorRef.whyAbsent(run));
    }
    List<Double> ratios = new ArrayList<>();
    for (RoundResult top : numerator.get().rounds()) {
      for (RoundResult bottom : denominator.get().rounds()) {
        if (top.round() == bottom.round()) {
          Double ratio = ratioOf(top, bottom, field);
          if (ratio != null) {
            ratios.add(ratio);
          }
        }
      }
    }
    if (ratios.isEmpty()) {
      return new RoundRatios(
          List.of(),
          "no round in which both "
              + numeratorRef
              + " and "
              + denominatorApi
              + " have "
              + field.fieldName());
    }
    return new RoundRatios(ratios, null);
  }

  private static Double ratioOf(RoundResult top, RoundResult bottom, ResultField field) {
    if (field.perSuccess() && (top.count() == 0 || bottom.count() == 0)) {
      return null;
    }
    Double a = field.of(top);
    Double b = field.of(bottom);
    if (a == null || b == null || b == 0) {
      return null;
    }
    return a / b;
  }

  /**
   * The median ratio with its 95% confidence interval as its range ({@link MedianInterval}: the
   * lowest and highest round up to 8 rounds), or why there is none.
   */
  public Measured median() {
    if (ratios.isEmpty()) {
      return Measured.missing(missingReason);
    }
    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    double[] interval = MedianInterval.of(sorted);
    return Measured.of(median, interval[0], interval[1]);
  }

  /** The smallest per-round ratio; NaN when there are none. */
  public double min() {
    return ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** The largest per-round ratio; NaN when there are none. */
  public double max() {
    return ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  @Override
  public String toString() {
    return ratios.isEmpty() ? "none (" + missingReason + ")" : Arrays.toString(ratios.toArray());
  }
}
