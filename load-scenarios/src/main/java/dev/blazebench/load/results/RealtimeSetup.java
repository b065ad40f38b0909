package dev.blazebench.load.results;

/**
 * How a {@code realtime} run was set up, for its results.
 *
 * @param subscribers subscribers on the API under test (summed over drivers after a merge)
 * @param writerApi the API the writer wrote through
 * @param pollIntervalSec the poll interval of REST polling subscribers; null for push
 */
public record RealtimeSetup(int subscribers, String writerApi, Double pollIntervalSec) {}
