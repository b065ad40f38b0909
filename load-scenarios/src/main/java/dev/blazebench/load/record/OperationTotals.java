package dev.blazebench.load.record;

import dev.blazebench.load.engine.ErrorClass;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one operation type came to over one phase: counts, bytes and the full histograms (in
 * microseconds). Immutable by convention: the histograms are copies nobody else holds.
 *
 * @param successes calls that succeeded (decoded and checked) within their deadline
 * @param errorsByClass failures per class, every class present
 * @param errorsByStatus {@link ErrorClass#STATUS} failures per status code
 * @param payloadBytesSent request payload bytes of the successes
 * @param payloadBytesReceived answer payload bytes of the successes
 * @param recordsReceived records (or rows) in the successes' answers
 * @param delayedByInFlightCap operations that waited for an in-flight slot
 * @param unfinishedAtEnd calls still unanswered when the drain ended (counted as DEADLINE)
 * @param lateSuccesses answers that came after the deadline (counted as DEADLINE)
 * @param corrected successes' latency from the intended start, µs
 * @param uncorrected successes' latency from the actual send, µs
 * @param errors failures' latency from the intended start, µs
 */
public record OperationTotals(
    String operationName,
    long successes,
    Map<ErrorClass, Long> errorsByClass,
    Map<Integer, Long> errorsByStatus,
    long payloadBytesSent,
    long payloadBytesReceived,
    long recordsReceived,
    long delayedByInFlightCap,
    long unfinishedAtEnd,
    long lateSuccesses,
    Histogram corrected,
    Histogram uncorrected,
    Histogram errors) {

  public OperationTotals {
    errorsByClass = Map.copyOf(errorsByClass);
    errorsByStatus = Map.copyOf(errorsByStatus);
  }

  /** Failures of every class. */
  public long errorCount() {
    long sum = 0;
    for (long count : errorsByClass.values()) {
      sum += count;
    }
    return sum;
  }

  /** Successes and failures. */
  public long calls() {
    return successes + errorCount();
  }
}
