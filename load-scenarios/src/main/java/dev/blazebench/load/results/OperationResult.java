package dev.blazebench.load.results;

import dev.blazebench.load.record.IntervalCount;
import java.util.List;
import java.util.Map;

/**
 * One operation type of one scenario on one API, over the measured part.
 *
 * @param operation its name
 * @param achievedRps successes per second of the measured part
 * @param count successes: answered within the deadline, decoded and checked
 * @param errorCount failures of every class
 * @param errors failures per class, every class listed (CONNECT, DEADLINE, STATUS, DECODE,
 *     VALIDATION, OTHER)
 * @param errorsByStatus STATUS failures per status code (gRPC code or HTTP status, as text)
 * @param delayedByInFlightCap operations that found the in-flight cap reached at their intended
 *     start and waited (the wait is in their corrected latency)
 * @param unfinishedAtEnd calls unanswered when the drain ended (in DEADLINE)
 * @param lateAnswers successes that came after the deadline (in DEADLINE)
 * @param recordsReceived records (or rows) the successes' answers held (0 for writes); -1 if
 *     unknown (results of schema version 1)
 * @param recordsPerSec recordsReceived per second of the measured part; null if unknown
 * @param latencyMicros the distributions
 * @param bytes payload and wire bytes
 * @param clientCpuMicrosPerCall the driver's CPU time per call of the scenario; null if unknown
 * @param warmup the warm-up's counts
 * @param intervals successes and failures per interval
 */
public record OperationResult(
    String operation,
    double achievedRps,
    long count,
    long errorCount,
    Map<String, Long> errors,
    Map<String, Long> errorsByStatus,
    long delayedByInFlightCap,
    long unfinishedAtEnd,
    long lateAnswers,
    long recordsReceived,
    Double recordsPerSec,
    Latencies latencyMicros,
    ByteCounts bytes,
    Double clientCpuMicrosPerCall,
    WarmupResult warmup,
    List<IntervalCount> intervals) {}
