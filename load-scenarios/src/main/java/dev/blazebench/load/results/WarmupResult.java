package dev.blazebench.load.results;

/**
 * The warm-up, left out of every other number.
 *
 * @param durationSec its length
 * @param count successes during it
 * @param errorCount failures during it
 */
public record WarmupResult(double durationSec, long count, long errorCount) {}
