package dev.blazebench.reports.gate;

import java.util.Objects;

/**
 * Names one gated figure: an API's operation in a scenario, and which metric of it ({@code
 * p50Micros}, {@code wireReceivedPerOp}...).
 */
public record MetricId(String api, String scenario, String operation, String metric) {

  public MetricId {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(metric, "metric");
  }

  /** {@code grpc-blazebinary fetch-1000 query p50Micros}. */
  public String name() {
    return api + " " + scenario + " " + operation + " " + metric;
  }

  /**
   * The bootstrap seed for this metric: the gate's seed mixed with the name, so that each metric
   * draws its own stream and adding a metric never changes another's interval. String.hashCode is
   * specified by the language, so the seed is the same on every JVM.
   */
  long bootstrapSeed(long gateSeed) {
    return gateSeed * 1_000_003L + name().hashCode();
  }
}
