package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a run's results against every claim of a {@link ClaimCatalogue}: holds, does not hold,
 * inconclusive (the figure's confidence interval over the run's rounds, or its JMH iterations, lies
 * on both sides of the claim), not measurable here (with the proxy figure), or not measured in this
 * run (with what was absent). A claim made for a link of some speed is measurable only in runs over
 * a shaped link of that rate ({@link Claim#isMeasurableIn}); a latency or rate claim made for no
 * link is not judged on a run over a shaped link.
 *
 * <pre>
 * List&lt;ClaimResult&gt; rows = ClaimCheck.check(ClaimCatalogue.standard(), run);
 * </pre>
 */
public final class ClaimCheck {

  private ClaimCheck() {}

  /** One result per claim, in catalogue order. */
  public static List<ClaimResult> check(ClaimCatalogue catalogue, RunResults run) {
    List<ClaimResult> results = new ArrayList<>();
    for (Claim claim : catalogue.claims()) {
      results.add(check(claim, run));
    }
    return results;
  }

  /** What {@code run} says about {@code claim}. */
  public static ClaimResult check(Claim claim, RunResults run) {
    if (!claim.isMeasurableIn(run)) {
      return notMeasurable(claim, run);
    }
    MetricExpression metric = MetricExpression.parse(claim.metric());
    NetworkLink runLink = run.environment().link();
    if (claim.link() == null && runLink != null && metric.dependsOnTheLink()) {
      // The seed's latency, rate and CPU figures that name no link are read on loopback; over a
      // shaped or delayed link they would measure the link (ResultField.dependsOnTheLink says how).
      return new ClaimResult(claim, Verdict.NOT_MEASURED, null, "", overTheLink(runLink));
    }
    Measured measured = metric.evaluate(run);
    if (!measured.isPresent()) {
      return new ClaimResult(claim, Verdict.NOT_MEASURED, null, "", measured.missingReason());
    }
    Verdict verdict = judge(claim, measured);
    String detail =
        verdict == Verdict.INCONCLUSIVE
            ? "This run puts the figure between "
                + formatEnd(claim.unit(), measured.low())
                + " and "
                + formatEnd(claim.unit(), measured.high())
                + " ("
                + rangeSource(claim.metric())
                + "): on both sides of the claim."
            : "";
    return new ClaimResult(claim, verdict, measured.value(), measuredText(claim, measured), detail);
  }

  /**
   * Holds when the claim is met over the figure's whole range in this run, does not hold when it is
   * met nowhere in it, inconclusive otherwise. Every comparison is met on an interval (a half-line,
   * a band, a point), so the range's two ends decide "everywhere" and the range's point nearest the
   * threshold decides "somewhere". A figure known exactly (a size) is judged as it is.
   */
  static Verdict judge(Claim claim, Measured measured) {
    Comparison comparison = claim.comparison();
    double threshold = claim.threshold();
    double tolerance = claim.tolerance() == null ? 0 : claim.tolerance();
    double low = measured.low();
    double high = measured.high();
    if (comparison.holds(low, threshold, tolerance)
        && comparison.holds(high, threshold, tolerance)) {
      return Verdict.HOLDS;
    }
    double nearest = Math.max(low, Math.min(high, threshold));
    return comparison.holds(nearest, threshold, tolerance)
        ? Verdict.INCONCLUSIVE
        : Verdict.DOES_NOT_HOLD;
  }

  /**
   * The figure, and its range in brackets when the run gives it one: {@code 1.64x (1.52x–1.77x)}.
   */
  private static String measuredText(Claim claim, Measured measured) {
    String value = claim.unit().format(measured.value());
    if (!measured.hasSpread()) {
      return value;
    }
    return value
        + " ("
        + formatEnd(claim.unit(), measured.low())
        + "\u2013"
        + formatEnd(claim.unit(), measured.high())
        + ")";
  }

  private static String formatEnd(MetricUnit unit, double end) {
    return Double.isInfinite(end) ? (end > 0 ? "\u221e" : "-\u221e") : unit.format(end);
  }

  /** Where a metric's range comes from, by the data it reads. */
  private static String rangeSource(String metric) {
    boolean codec = metric.contains("codec(");
    boolean rounds = metric.contains("ratio(") || metric.contains("total(");
    if (codec && rounds) {
      return "its rounds' median with 95% confidence, up to 8 rounds their whole range, and its JMH"
          + " iterations' range; a longer run may decide it";
    }
    return codec
        ? "each benchmark's fastest and slowest JMH iteration; the full codec profile may decide it"
        : "its rounds' median with 95% confidence, up to 8 rounds their whole range; more rounds"
            + " may decide it";
  }

  private static ClaimResult notMeasurable(Claim claim, RunResults run) {
    String reason = claim.notMeasurable();
    NetworkLink runLink = run.environment().link();
    if (claim.link() != null) {
      // The catalogue's reason says what link is needed; the run's own link says what it had.
      reason +=
          runLink == null
              ? " This run's link: loopback, not shaped."
              : " This run's link: "
                  + runLink.describe()
                  + (runLink.shaped() ? ", not " + claim.link() : ", rate not shaped")
                  + ".";
    }
    if (claim.proxy() == null) {
      return new ClaimResult(claim, Verdict.NOT_MEASURABLE, null, "", reason);
    }
    MetricExpression proxyMetric = MetricExpression.parse(claim.proxy().metric());
    String detail = reason + " Proxy: " + claim.proxy().description();
    boolean overTheLink = claim.link() == null && runLink != null && proxyMetric.dependsOnTheLink();
    Measured proxy = overTheLink ? null : proxyMetric.evaluate(run);
    if (proxy == null || !proxy.isPresent()) {
      String missing = proxy == null ? overTheLink(runLink) : proxy.missingReason();
      return new ClaimResult(
          claim,
          Verdict.NOT_MEASURABLE,
          null,
          "",
          detail + " (proxy not measured: " + missing + ")");
    }
    return new ClaimResult(
        claim,
        Verdict.NOT_MEASURABLE,
        proxy.value(),
        claim.proxy().unit().format(proxy.value()),
        detail);
  }

  private static String overTheLink(NetworkLink runLink) {
    return "this run crossed a link ("
        + runLink.describe()
        + "); latency, rate and CPU claims made for no particular link are judged on loopback"
        + " runs (compare without --link or --delay)";
  }

  /** How many results have each verdict (every verdict present, zero if none). */
  public static Map<Verdict, Integer> countByVerdict(List<ClaimResult> results) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict, 0);
    }
    results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
    return counts;
  }

  /**
   * {@code 5 hold, 18 do not hold, 2 inconclusive, 7 not measurable here, 15 not measured in this
   * run (of 47 claims in the seed)}: the line a report and the compare command open with.
   */
  public static String verdictLine(List<ClaimResult> results) {
    Map<Verdict, Integer> counts = countByVerdict(results);
    List<String> parts = new ArrayList<>();
    for (Verdict verdict : Verdict.values()) {
      int count = counts.get(verdict);
      String words =
          switch (verdict) {
            case HOLDS -> count == 1 ? "holds" : "hold";
            case DOES_NOT_HOLD -> count == 1 ? "does not hold" : "do not hold";
            default -> verdict.label();
          };
      parts.add(count + " " + words);
    }
    return String.join(", ", parts) + " (of " + results.size() + " claims in the seed)";
  }
}
