package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * All rounds of one API in one scenario added up: counts and histograms summed, percentiles taken
 * from the sum. Per-operation byte and CPU figures are null when not measured.
 *
 * @param errors failed calls by class ({@code CONNECT}, {@code DEADLINE}, {@code STATUS}, {@code
 *     DECODE}, {@code VALIDATION}, {@code OTHER})
 * @param latencyMicros corrected latency (from the intended start)
 * @param uncorrectedLatencyMicros latency from the actual send
 * @param serverCpuMicrosPerOp the server's CPU per operation, its JIT compiler threads left out
 * @param serverJitCpuMicrosPerOp the server's JIT compiler threads' CPU per operation over the same
 *     time; null when not measured
 * @param recordsPerSec records received per second, null when the scenario does not count them
 * @param bytesPerHour realtime only: wire bytes one subscriber received, scaled to an hour
 */
@JsonPropertyOrder({
  "durationSec",
  "count",
  "errorCount",
  "errors",
  "throughputPerSec",
  "latencyMicros",
  "uncorrectedLatencyMicros",
  "payloadSentPerOp",
  "payloadReceivedPerOp",
  "wireSentPerOp",
  "wireReceivedPerOp",
  "clientCpuMicrosPerOp",
  "serverCpuMicrosPerOp",
  "serverJitCpuMicrosPerOp",
  "recordsPerSec",
  "bytesPerHour"
})
public record TotalResult(
    double durationSec,
    long count,
    long errorCount,
    Map<String, Long> errors,
    double throughputPerSec,
    Latency latencyMicros,
    Latency uncorrectedLatencyMicros,
    Double payloadSentPerOp,
    Double payloadReceivedPerOp,
    Double wireSentPerOp,
    Double wireReceivedPerOp,
    Double clientCpuMicrosPerOp,
    Double serverCpuMicrosPerOp,
    Double serverJitCpuMicrosPerOp,
    Double recordsPerSec,
    Double bytesPerHour) {

  public TotalResult {
    errors =
        Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(errors, "errors")));
    Objects.requireNonNull(latencyMicros, "latencyMicros");
    Objects.requireNonNull(uncorrectedLatencyMicros, "uncorrectedLatencyMicros");
  }
}
