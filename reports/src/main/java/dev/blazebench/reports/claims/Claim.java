package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.RunResults;
import java.util.List;
import java.util.Objects;

/**
 * One quantitative claim of the seed design document, as the catalogue ({@code claims.json}) holds
 * it: the words quoted, where they are, how we read them, and either a metric with a threshold
 * (measurable here) or the reason it is not measurable here, with an optional proxy figure. A claim
 * made for a network link of some speed (the seed's "10 Mbps") has both: its metric and threshold
 * hold for runs over a shaped link of that rate ({@code link}), the reason and proxy for every
 * other run.
 *
 * @param id stable, kebab-case; the gate and the report refer to claims by it
 * @param claim the seed's words, quoted
 * @param section the seed's section heading path, e.g. {@code PERFORMANCE BENCHMARKS › Test 1}
 * @param line the line of the seed the quote is on (1-based)
 * @param alsoLines other lines that repeat the same claim
 * @param about {@code format} (sizes, codec speed: properties of BlazeBinary itself), {@code
 *     implementation} (absolute timings of one implementation on one machine) or {@code system}
 *     (gRPC + BlazeBinary end to end against the other APIs)
 * @param reading how the claim is read as a figure (which scenario, which baseline, why)
 * @param metric a {@link MetricExpression}; null when not measurable
 * @param unit the metric's unit, for printing
 * @param comparison how the metric meets {@code threshold}
 * @param threshold the claim as a number in the metric's unit
 * @param tolerance for {@code approx}: the allowed deviation as a fraction of the threshold
 * @param link the rate of the shaped link ({@code compare --link}, e.g. {@code 10mbit}) a run must
 *     have crossed for the metric to apply; null when the metric applies to every run
 * @param notMeasurable why this harness cannot measure the claim (with a {@code link}: on runs
 *     without that link); null when it always can
 * @param proxy what is shown instead when it cannot, null if nothing
 */
public record Claim(
    String id,
    String claim,
    String section,
    int line,
    List<Integer> alsoLines,
    String about,
    String reading,
    String metric,
    MetricUnit unit,
    Comparison comparison,
    Double threshold,
    Double tolerance,
    String link,
    String notMeasurable,
    Proxy proxy) {

  public Claim {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(section, "section");
    alsoLines = alsoLines == null ? List.of() : List.copyOf(alsoLines);
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(reading, "reading");
  }

  /**
   * A figure shown for a claim that cannot be measured here, e.g. CPU time per operation for
   * "battery".
   *
   * @param description what the proxy is and why it stands in for the claim
   */
  public record Proxy(String description, String metric, MetricUnit unit) {

    public Proxy {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(unit, "unit");
    }
  }

  /**
   * True when the catalogue gives this claim a metric and threshold to judge it by: always, or
   * (with a {@link #link}) on runs over that link.
   */
  public boolean isMeasurable() {
    return metric != null;
  }

  /**
   * Whether {@code run} can be judged by the metric: yes for a claim without {@link #link}, else
   * only when the run crossed a shaped link of exactly that rate.
   */
  public boolean isMeasurableIn(RunResults run) {
    if (!isMeasurable()) {
      return false;
    }
    if (link == null) {
      return true;
    }
    NetworkLink runLink = run.environment().link();
    return runLink != null
        && runLink.rateBitsPerSecond() == NetworkLink.parseRateBitsPerSecond(link);
  }

  /** The threshold for a reader, e.g. {@code >= 4.30x}, {@code <= 45.0 ms}, {@code ≈ 450 KB}. */
  public String thresholdText() {
    if (!isMeasurable()) {
      return "";
    }
    String value = unit.format(threshold);
    return switch (comparison) {
      case AT_LEAST -> "≥ " + value;
      case AT_MOST -> "≤ " + value;
      case EQUAL -> "= " + value;
      case APPROXIMATELY ->
          "≈ " + value + " ± " + MetricUnit.FRACTION.format(tolerance == null ? 0 : tolerance);
    };
  }

  /** {@code line 13} or {@code lines 13, 939}. */
  public String linesText() {
    if (alsoLines.isEmpty()) {
      return "line " + line;
    }
    StringBuilder text = new StringBuilder("lines ").append(line);
    alsoLines.forEach(other -> text.append(", ").append(other));
    return text.toString();
  }
}
