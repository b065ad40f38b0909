package dev.blazebench.load.record;

/**
 * Throughput of one operation over one interval of the measured part.
 *
 * @param startSec seconds since the measured part began
 * @param endSec end of the interval
 * @param successes successes answered in the interval
 * @param errors failures settled in the interval
 */
public record IntervalCount(double startSec, double endSec, long successes, long errors) {}
