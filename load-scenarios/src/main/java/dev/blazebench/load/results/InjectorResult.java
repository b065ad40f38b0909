package dev.blazebench.load.results;

import dev.blazebench.load.record.InjectorInterval;
import java.util.List;

/**
 * One driver's self-watch over its measured part.
 *
 * @param cpuNanos CPU time the driver's process used; -1 if unknown
 * @param wallNanos wall time of the measured part and drain
 * @param cores cores available to the driver
 * @param cpuUtilization cpuNanos / (wallNanos × cores), 0..1; null if unknown
 * @param dispatchLagMicros how late operations went out against their intended start (those held by
 *     the in-flight cap left out)
 * @param heapPeakUsedBytes the most heap the driver used at once; -1 if unknown
 * @param heapPeakAfterGcBytes the most heap still used just after a collection (an upper bound of
 *     what the client held); -1 if unknown or no collection ran
 * @param heapMaxBytes the driver's heap limit; -1 if unknown
 * @param verdict "ok" or "injector saturated"
 * @param reasons each threshold crossed, with its value
 * @param intervals per interval: CPU fraction and the latest dispatch
 */
public record InjectorResult(
    long cpuNanos,
    long wallNanos,
    int cores,
    Double cpuUtilization,
    LatencyResult dispatchLagMicros,
    long heapPeakUsedBytes,
    long heapPeakAfterGcBytes,
    long heapMaxBytes,
    String verdict,
    List<String> reasons,
    List<InjectorInterval> intervals) {}
