package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One round of one API in one scenario: a {@code blazebench load} run whose own results file is
 * {@code loadResults} (relative to the run folder). Latencies are corrected (from the intended
 * start), in microseconds. Per-operation byte and CPU figures are null when not measured.
 *
 * @param p999Micros the 99.9th percentile
 * @param serverCpuMicrosPerOp the server's CPU per operation, its JIT compiler threads left out
 * @param serverJitCpuMicrosPerOp the server's JIT compiler threads' CPU per operation over the same
 *     time (warm-up still going on, not a cost of the calls); null when not measured
 * @param injectorSaturated true when the driver itself was the bottleneck in this round
 */
@JsonPropertyOrder({
  "round",
  "startedAt",
  "loadResults",
  "durationSec",
  "count",
  "errorCount",
  "throughputPerSec",
  "meanMicros",
  "p50Micros",
  "p90Micros",
  "p99Micros",
  "p999Micros",
  "maxMicros",
  "payloadSentPerOp",
  "payloadReceivedPerOp",
  "wireSentPerOp",
  "wireReceivedPerOp",
  "clientCpuMicrosPerOp",
  "serverCpuMicrosPerOp",
  "serverJitCpuMicrosPerOp",
  "injectorSaturated"
})
public record RoundResult(
    int round,
    Instant startedAt,
    String loadResults,
    double durationSec,
    long count,
    long errorCount,
    double throughputPerSec,
    double meanMicros,
    long p50Micros,
    long p90Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros,
    Double payloadSentPerOp,
    Double payloadReceivedPerOp,
    Double wireSentPerOp,
    Double wireReceivedPerOp,
    Double clientCpuMicrosPerOp,
    Double serverCpuMicrosPerOp,
    Double serverJitCpuMicrosPerOp,
    boolean injectorSaturated) {}
