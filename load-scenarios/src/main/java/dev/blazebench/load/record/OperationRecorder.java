package dev.blazebench.load.record;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything recorded for one operation type in one phase (warm-up or measured): three HdrHistogram
 * {@link Recorder}s, in microseconds, and counters.
 *
 * <ul>
 *   <li><b>corrected</b>: successes, from the intended start to the answer (wrk2's latency: what a
 *       user arriving on schedule waited);
 *   <li><b>uncorrected</b>: successes, from the actual send to the answer (the service time a
 *       closed-loop tool would report; kept beside the corrected one to show the difference);
 *   <li><b>errors</b>: failures, from the intended start, so they never mix with successes.
 * </ul>
 *
 * <p>Recording is thread-safe and wait-free (calls complete on transport threads). Sampling ({@link
 * #sampleInterval}) is for one thread, the driver's: each sample takes what was recorded since the
 * previous one and adds it to the running totals, so the totals are the exact sum of the intervals
 * written to the log.
 */
public final class OperationRecorder {

  private final String operationName;
  private final Recorder corrected = newRecorder();
  private final Recorder uncorrected = newRecorder();
  private final Recorder errors = newRecorder();

  private final LongAdder successes = new LongAdder();
  private final Map<ErrorClass, LongAdder> errorsByClass = new EnumMap<>(ErrorClass.class);
  private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
  private final LongAdder payloadBytesSent = new LongAdder();
  private final LongAdder payloadBytesReceived = new LongAdder();
  private final LongAdder recordsReceived = new LongAdder();
  private final LongAdder delayedByInFlightCap = new LongAdder();
  private final LongAdder unfinishedAtEnd = new LongAdder();
  private final LongAdder lateSuccesses = new LongAdder();

  // Owned by the sampling thread.
  private final Histogram correctedTotal = newHistogram();
  private final Histogram uncorrectedTotal = newHistogram();
  private final Histogram errorsTotal = newHistogram();
  private Histogram correctedInterval;
  private Histogram uncorrectedInterval;
  private Histogram errorsInterval;

  public OperationRecorder(String operationName) {
    this.operationName = operationName;
    for (ErrorClass errorClass : ErrorClass.values()) {
      errorsByClass.put(errorClass, new LongAdder());
    }
  }

  public String operationName() {
    return operationName;
  }

  /**
   * A success (decoded and checked).
   *
   * @param correctedNanos from the intended start to the answer
   * @param uncorrectedNanos from the actual send to the answer
   */
  public void recordSuccess(long correctedNanos, long uncorrectedNanos, OpOutcome outcome) {
    corrected.recordValue(LatencyUnits.nanosToMicros(correctedNanos));
    uncorrected.recordValue(LatencyUnits.nanosToMicros(uncorrectedNanos));
    successes.increment();
    payloadBytesSent.add(outcome.payloadBytesSent());
    payloadBytesReceived.add(outcome.payloadBytesReceived());
    recordsReceived.add(outcome.recordsReceived());
  }

  /** A failure, timed from the intended start; counted under its class (and status code). */
  public void recordFailure(long correctedNanos, OpOutcome outcome) {
    errors.recordValue(LatencyUnits.nanosToMicros(correctedNanos));
    errorsByClass.get(outcome.errorClass()).increment();
    if (outcome.errorClass() == ErrorClass.STATUS) {
      errorsByStatus.computeIfAbsent(outcome.statusCode(), code -> new LongAdder()).increment();
    }
  }

  /** A call that answered successfully, but after its deadline: recorded as a DEADLINE failure. */
  public void recordLateSuccess(long correctedNanos, String detail) {
    lateSuccesses.increment();
    recordFailure(correctedNanos, OpOutcome.failed(ErrorClass.DEADLINE, detail));
  }

  /** A call still unanswered when the run's drain ended: a DEADLINE failure. */
  public void recordUnfinishedAtEnd(long correctedNanos) {
    unfinishedAtEnd.increment();
    recordFailure(
        correctedNanos, OpOutcome.failed(ErrorClass.DEADLINE, "no answer when the run ended"));
  }

  /** An operation that found every in-flight slot taken at its intended start, and waited. */
  public void countDelayedByInFlightCap() {
    delayedByInFlightCap.increment();
  }

  /**
   * Moves what was recorded since the last sample into the totals and returns it. One thread only.
   */
  public IntervalHistograms sampleInterval() {
    correctedInterval = corrected.getIntervalHistogram(correctedInterval);
    uncorrectedInterval = uncorrected.getIntervalHistogram(uncorrectedInterval);
    errorsInterval = errors.getIntervalHistogram(errorsInterval);
    correctedTotal.add(correctedInterval);
    uncorrectedTotal.add(uncorrectedInterval);
    errorsTotal.add(errorsInterval);
    return new IntervalHistograms(correctedInterval, uncorrectedInterval, errorsInterval);
  }

  /**
   * The totals and counters now. Call {@link #sampleInterval} first so that the histograms hold
   * everything recorded; the returned histograms are copies.
   */
  public OperationTotals totals() {
    Map<ErrorClass, Long> byClass = new EnumMap<>(ErrorClass.class);
    errorsByClass.forEach((errorClass, count) -> byClass.put(errorClass, count.sum()));
    Map<Integer, Long> byStatus = new TreeMap<>();
    errorsByStatus.forEach((code, count) -> byStatus.put(code, count.sum()));
    return new OperationTotals(
        operationName,
        successes.sum(),
        byClass,
        byStatus,
        payloadBytesSent.sum(),
        payloadBytesReceived.sum(),
        recordsReceived.sum(),
        delayedByInFlightCap.sum(),
        unfinishedAtEnd.sum(),
        lateSuccesses.sum(),
        correctedTotal.copy(),
        uncorrectedTotal.copy(),
        errorsTotal.copy());
  }

  /** The histograms of one interval; valid until the next {@link #sampleInterval}. */
  public record IntervalHistograms(Histogram corrected, Histogram uncorrected, Histogram errors) {}

  /** An auto-resizing recorder: no latency is ever out of range, however long a stall. */
  private static Recorder newRecorder() {
    return new Recorder(LatencyUnits.SIGNIFICANT_DIGITS);
  }

  static Histogram newHistogram() {
    return new Histogram(LatencyUnits.SIGNIFICANT_DIGITS);
  }
}
