package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One JMH result: the average time of {@code operation} ({@code encode} or {@code decode}) of one
 * workload message in one format.
 *
 * @param microsPerOp the median of the measurement iterations
 * @param errorMicros JMH's 99.9% error, null if JMH gave none
 * @param minMicros the fastest measurement iteration (schema 4; null in older files)
 * @param maxMicros the slowest measurement iteration (schema 4; null in older files)
 * @param allocBytesPerOp bytes allocated per operation (JMH's gc profiler), null if not profiled
 */
@JsonPropertyOrder({
  "workload",
  "format",
  "operation",
  "microsPerOp",
  "errorMicros",
  "minMicros",
  "maxMicros",
  "allocBytesPerOp"
})
public record CodecBenchmark(
    String workload,
    String format,
    String operation,
    double microsPerOp,
    Double errorMicros,
    Double minMicros,
    Double maxMicros,
    Double allocBytesPerOp) {

  public CodecBenchmark {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(operation, "operation");
  }
}
