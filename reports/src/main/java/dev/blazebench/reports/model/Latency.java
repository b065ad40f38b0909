package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One latency distribution in microseconds: percentiles for reading and the full histogram (base64
 * of HdrHistogram's compressed encoding, as in load results schema 2) for rebuilding. An empty
 * distribution has count 0 and zeros.
 */
@JsonPropertyOrder({
  "count",
  "min",
  "mean",
  "p50",
  "p90",
  "p99",
  "p99.9",
  "p99.99",
  "max",
  "histogram"
})
public record Latency(
    long count,
    long min,
    double mean,
    long p50,
    long p90,
    long p99,
    @JsonProperty("p99.9") long p99_9,
    @JsonProperty("p99.99") long p99_99,
    long max,
    String histogram) {

  public Latency {
    Objects.requireNonNull(histogram, "histogram");
  }

  /** The percentiles of {@code histogram} (µs) and its encoding. */
  public static Latency of(Histogram histogram) {
    String text = HistogramText.encode(histogram);
    if (histogram.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0, 0, 0, 0, text);
    }
    return new Latency(
        histogram.getTotalCount(),
        histogram.getMinValue(),
        Math.round(histogram.getMean() * 1000) / 1000.0,
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(99),
        histogram.getValueAtPercentile(99.9),
        histogram.getValueAtPercentile(99.99),
        histogram.getMaxValue(),
        text);
  }

  /**
   * The histogram this distribution carries.
   *
   * @throws IllegalArgumentException if {@code histogram} is not a compressed HdrHistogram
   */
  public Histogram decodeHistogram() {
    return HistogramText.decode(histogram);
  }
}
