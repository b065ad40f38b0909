package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One JMH result: the average time of {@code operation} ({@code encode} or {@code decode}) of one
 * workload message in one format.
 *
 * @param errorMicros JMH's 99.9% error, null if JMH gave none
 * @param allocBytesPerOp bytes allocated per operation (JMH's gc profiler), null if not profiled
 */
@JsonPropertyOrder({
  "workload",
  "format",
  "operation",
  "microsPerOp",
  "errorMicros",
  "allocBytesPerOp"
})
public record CodecBenchmark(
    String workload,
    String format,
    String operation,
    double microsPerOp,
    Double errorMicros,
    Double allocBytesPerOp) {

  public CodecBenchmark {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(operation, "operation");
  }
}
