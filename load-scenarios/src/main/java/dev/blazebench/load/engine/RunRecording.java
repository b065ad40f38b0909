package dev.blazebench.load.engine;

import dev.blazebench.load.record.InjectorInterval;
import dev.blazebench.load.record.InjectorTotals;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.wire.WireCounter;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@link Driver} run recorded, before it becomes {@code results.json}.
 *
 * @param api the scenario's API
 * @param scenario the scenario's name
 * @param config how the run was driven
 * @param measuredStartEpochMillis wall-clock time when the measured part began
 * @param measuredNanos the measured part's length (dispatch window; the drain comes after)
 * @param drainNanos how long the drain took
 * @param operations the measured part, per operation, in the scenario's order
 * @param warmupOperations the warm-up, per operation (left out of the results but for counts)
 * @param intervals throughput per interval, per operation
 * @param injectorIntervals the injector's self-watch per interval
 * @param scheduledNotSent operations due in the measured part that were never sent because the run
 *     ended while they waited for an in-flight slot (or the dispatcher was behind)
 * @param injector the injector's totals and verdict
 * @param wireBytes bytes at the socket over the measured part and drain; null if not counted
 * @param wireMethod how they were counted ({@link WireCounter#method()}); null if not counted
 * @param firstErrors the first failures' descriptions, for the console
 * @param interrupted true if the run was interrupted before its end
 */
public record RunRecording(
    String api,
    String scenario,
    DriverConfig config,
    long measuredStartEpochMillis,
    long measuredNanos,
    long drainNanos,
    List<OperationTotals> operations,
    List<OperationTotals> warmupOperations,
    Map<String, List<IntervalCount>> intervals,
    List<InjectorInterval> injectorIntervals,
    long scheduledNotSent,
    InjectorTotals injector,
    WireCounter.Snapshot wireBytes,
    String wireMethod,
    List<String> firstErrors,
    boolean interrupted) {}
