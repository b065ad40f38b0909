package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One API in one scenario: each round's figures (for per-round ratios and the gate), the rounds
 * added up ({@code total}, histograms added, never percentiles averaged), and a timeline of short
 * intervals across the rounds.
 *
 * @param operation the operation measured ({@code query}, {@code insertMany}, {@code delivery}...)
 */
@JsonPropertyOrder({"api", "scenario", "operation", "rounds", "total", "timeline"})
public record ApiScenarioResult(
    String api,
    String scenario,
    String operation,
    List<RoundResult> rounds,
    TotalResult total,
    List<TimelinePoint> timeline) {

  public ApiScenarioResult {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(operation, "operation");
    rounds = List.copyOf(Objects.requireNonNull(rounds, "rounds"));
    Objects.requireNonNull(total, "total");
    timeline = List.copyOf(Objects.requireNonNull(timeline, "timeline"));
  }
}
