package dev.blazebench.load.results;

/**
 * How the run was asked to go. In merged results, {@code targetRps}, {@code maxInFlight} and {@code
 * connections} are the sums over the drivers, and {@code drivers} their number.
 *
 * @param target what was loaded ({@code blaze://127.0.0.1:50051})
 * @param model "open" or "closed"
 * @param modelLabel "open model" or "closed model", as reports print it
 * @param profile the profile in words ("open model: 200/s for 30s, after 10s warm-up")
 * @param targetRps the open model's mean target rate; null for a closed model
 * @param closedInFlight the closed model's in-flight count; null for an open model
 * @param durationSec the measured part's length
 * @param warmupSec the warm-up's length
 * @param drainSec the longest drain allowed after the measured part
 * @param maxInFlight the in-flight cap
 * @param connections connections per API client
 * @param callDeadlineMillis the per-call deadline
 * @param intervalSec the interval of the logs and throughput samples
 * @param startAt the instant the drivers were told to start at ({@code --start-at}), or null
 * @param drivers how many drivers' results these are (1 unless merged)
 */
public record RunSettings(
    String target,
    String model,
    String modelLabel,
    String profile,
    Double targetRps,
    Integer closedInFlight,
    double durationSec,
    double warmupSec,
    double drainSec,
    int maxInFlight,
    int connections,
    long callDeadlineMillis,
    double intervalSec,
    String startAt,
    int drivers) {}
