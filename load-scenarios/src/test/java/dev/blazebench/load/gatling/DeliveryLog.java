package dev.blazebench.load.gatling;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What the realtime simulation's subscribers received, per delivery path ({@code websocket}, {@code
 * poll 1s}, ...): the delivery latency of each change, from its commit on the server to its arrival
 * at the subscriber, and the payload bytes the path carried.
 *
 * <p>Gatling's own statistics have no place for a latency that starts in another party (the
 * server's commit) and ends at a message nobody asked for, so they are kept here, in HdrHistograms,
 * and printed when the simulation ends. The server's commit time is in µs; Gatling stamps an
 * arriving WebSocket message in ms, so WebSocket latencies are good to about 1 ms (negative
 * differences, a receipt stamp truncated below the commit, count as 0). Both clocks are the same
 * host's wall clock: run the simulation on the server's machine.
 *
 * <p>Changes committed before {@code measuredFromMicros} are warm-up and only counted; payload
 * bytes count when they arrive within the measured window. Thread-safe: Gatling runs virtual users
 * on several threads.
 */
final class DeliveryLog {

  private final long measuredFromMicros;
  private final long measuredUntilMicros;
  private final Map<String, PathStats> paths = new TreeMap<>();

  DeliveryLog(long measuredFromMicros, long measuredUntilMicros) {
    this.measuredFromMicros = measuredFromMicros;
    this.measuredUntilMicros = measuredUntilMicros;
  }

  /**
   * Records one batch that arrived at {@code receivedMicros} over {@code path}, {@code
   * payloadBytes} long (the message or the response body).
   */
  synchronized void record(String path, ChangeBatch batch, long receivedMicros, long payloadBytes) {
    PathStats stats = paths.computeIfAbsent(path, p -> new PathStats());
    if (receivedMicros >= measuredFromMicros && receivedMicros < measuredUntilMicros) {
      stats.payloadBytes += payloadBytes;
      stats.messages++;
    }
    for (long commitMicros : batch.commitTimesMicros()) {
      if (commitMicros >= measuredFromMicros && commitMicros < measuredUntilMicros) {
        stats.latencyMicros.recordValue(Math.max(0, receivedMicros - commitMicros));
      } else {
        stats.warmupChanges++;
      }
    }
  }

  /** Counts a change that arrived out of order, twice, or after a gap. */
  synchronized void outOfOrder(String path) {
    paths.computeIfAbsent(path, p -> new PathStats()).outOfOrder++;
  }

  /** Changes that arrived out of order over every path; 0 in a good run. */
  synchronized long outOfOrderTotal() {
    return paths.values().stream().mapToLong(s -> s.outOfOrder).sum();
  }

  /**
   * One table: per path, changes, latency percentiles in ms, messages and payload bytes per hour.
   */
  synchronized String summary() {
    double measuredHours = (measuredUntilMicros - measuredFromMicros) / 3_600e6;
    StringBuilder out = new StringBuilder();
    out.append(
        "delivery latency, commit -> received (ms), changes committed in the measured part\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %8s %9s %9s %9s %9s %9s %10s %14s %12s%n",
            "path",
            "changes",
            "p50",
            "p90",
            "p99",
            "p99.9",
            "max",
            "msgs/h",
            "payload B/h",
            "out-of-order"));
    for (Map.Entry<String, PathStats> entry : paths.entrySet()) {
      PathStats s = entry.getValue();
      Histogram h = s.latencyMicros;
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %8d %9.3f %9.3f %9.3f %9.3f %9.3f %10.0f %14.0f %12d%n",
              entry.getKey(),
              h.getTotalCount(),
              h.getValueAtPercentile(50) / 1e3,
              h.getValueAtPercentile(90) / 1e3,
              h.getValueAtPercentile(99) / 1e3,
              h.getValueAtPercentile(99.9) / 1e3,
              h.getMaxValue() / 1e3,
              s.messages / measuredHours,
              s.payloadBytes / measuredHours,
              s.outOfOrder));
    }
    paths.forEach(
        (path, s) ->
            out.append(
                String.format(
                    Locale.ROOT, "%s: %d warm-up changes excluded%n", path, s.warmupChanges)));
    return out.toString();
  }

  private static final class PathStats {
    final Histogram latencyMicros = new Histogram(3);
    long warmupChanges;
    long outOfOrder;
    long messages;
    long payloadBytes;
  }
}
