package dev.blazebench.load.record;

/**
 * The injector's self-watch over one interval of the measured part.
 *
 * @param startSec seconds since the measured part began
 * @param endSec end of the interval
 * @param cpuFraction the process's CPU over wall time × cores, 0..1; NaN if unknown
 * @param dispatchLagMaxMicros the latest dispatch against the schedule in the interval, µs
 */
public record InjectorInterval(
    double startSec, double endSec, double cpuFraction, long dispatchLagMaxMicros) {}
