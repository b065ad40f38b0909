package dev.blazebench.load.results;

import java.util.List;

/**
 * One scenario on one API.
 *
 * @param api the API ("grpc-blazebinary", ...)
 * @param scenario the scenario ("fetch-1000", ...)
 * @param model "open" or "closed"
 * @param scheduledNotSent operations due in the measured part but never sent (the run ended while
 *     they waited for an in-flight slot): offered load the server never saw
 * @param clientCpuNanos CPU time of the driver process(es) over the measured part; -1 if unknown
 * @param wireBytes socket bytes of the scenario's connections; null if not counted
 * @param operations per operation type, in the scenario's order
 * @param realtime subscribers and bytes per subscriber-hour of a realtime run; null otherwise
 */
public record ScenarioResult(
    String api,
    String scenario,
    String model,
    long scheduledNotSent,
    long clientCpuNanos,
    WireBytes wireBytes,
    List<OperationResult> operations,
    RealtimeResult realtime) {}
