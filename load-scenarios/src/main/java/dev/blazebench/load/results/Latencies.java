package dev.blazebench.load.results;

/**
 * The three distributions of one operation, in microseconds.
 *
 * @param corrected successes, from the intended start (the number to read in an open model)
 * @param uncorrected successes, from the actual send (service time, as closed-loop tools report)
 * @param errors failures, from the intended start
 */
public record Latencies(LatencyResult corrected, LatencyResult uncorrected, LatencyResult errors) {}
