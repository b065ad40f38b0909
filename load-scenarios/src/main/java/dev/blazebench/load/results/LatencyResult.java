package dev.blazebench.load.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

/**
 * One latency distribution in microseconds: its percentiles, for reading, and the full histogram
 * ({@link HistogramCodec}), for rebuilding. An empty distribution has count 0 and zeros.
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
public record LatencyResult(
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

  /** The percentiles of {@code histogram} (µs) and its encoding. */
  public static LatencyResult of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new LatencyResult(0, 0, 0, 0, 0, 0, 0, 0, 0, HistogramCodec.encode(histogram));
    }
    return new LatencyResult(
        histogram.getTotalCount(),
        histogram.getMinValue(),
        Math.round(histogram.getMean() * 1000) / 1000.0,
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(99),
        histogram.getValueAtPercentile(99.9),
        histogram.getValueAtPercentile(99.99),
        histogram.getMaxValue(),
        HistogramCodec.encode(histogram));
  }

  /** The histogram this result carries. */
  public Histogram decodeHistogram() {
    return HistogramCodec.decode(histogram);
  }
}
