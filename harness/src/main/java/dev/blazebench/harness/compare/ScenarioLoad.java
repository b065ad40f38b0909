package dev.blazebench.harness.compare;

import java.time.Duration;
import java.util.Locale;

/**
 * The load {@code compare} offers every API in one scenario: an open-model rate (operations start
 * on a fixed schedule, latency counts from the intended start), the client's connections and
 * in-flight cap, the per-call deadline, and the collection the scenario uses.
 *
 * <p>One setting for every API: the comparison is "the same offered load, how fast and how cheap is
 * each API", never "each API at its own peak".
 *
 * @param scenario the load driver's scenario name
 * @param targetRps operations per second offered (open model)
 * @param connections TCP connections each API's client opens
 * @param maxInFlight the client's in-flight cap
 * @param callDeadline per-call deadline
 * @param collection the collection, or null for the scenario's default
 */
record ScenarioLoad(
    String scenario,
    double targetRps,
    int connections,
    int maxInFlight,
    Duration callDeadline,
    String collection) {

  ScenarioLoad {
    if (!(targetRps > 0)) {
      throw new IllegalArgumentException(
          scenario + ": targetRps must be positive, was " + targetRps);
    }
    if (connections < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(scenario + ": connections and maxInFlight must be >= 1");
    }
  }

  /**
   * This load over a shaped link of {@code rateBitsPerSecond} each way, where one call moves at
   * most {@code largestCallBytes} in one direction (on the API that moves the most): the rate
   * capped so that call keeps the link at most half busy, and the deadline at least four times its
   * transfer time. An open-model rate above what the link carries would queue calls behind each
   * other without end, and the latency would measure the queue, not the transfer of a call.
   */
  ScenarioLoad overLink(long rateBitsPerSecond, long largestCallBytes) {
    double callSeconds = largestCallBytes * 8.0 / rateBitsPerSecond;
    double linkRps = 0.5 / callSeconds;
    Duration transferDeadline = Duration.ofMillis((long) Math.ceil(4 * callSeconds * 1000));
    return new ScenarioLoad(
        scenario,
        Math.min(targetRps, linkRps),
        connections,
        maxInFlight,
        transferDeadline.compareTo(callDeadline) > 0 ? transferDeadline : callDeadline,
        collection);
  }

  /**
   * This load through a relay that delays each direction by {@code oneWay} ({@code compare
   * --delay}; null or zero: this load): the same rate, with what the longer calls hold at that rate
   * (twice the round trip's worth, so neither holds the schedule back) added to the in-flight cap
   * and, as the least, to the connections: an HTTP/1.1 client carries one call per connection at a
   * time, so at 200/s and a 60 ms round trip two connections carry at most 33 calls a second, and
   * every API gets the same connections (HTTP/2 and WebSocket clients multiplex and need no more).
   * The deadline grows by 20 round trips (a large gRPC response waits for flow-control window
   * updates, each a round trip, until the window has grown).
   */
  ScenarioLoad withDelay(Duration oneWay) {
    if (oneWay == null || oneWay.isZero()) {
      return this;
    }
    double roundTripSeconds = 2 * oneWay.toNanos() / 1e9;
    int held = (int) Math.ceil(targetRps * roundTripSeconds * 2);
    return new ScenarioLoad(
        scenario,
        targetRps,
        Math.max(connections, held),
        maxInFlight + held,
        callDeadline.plus(oneWay.multipliedBy(40)),
        collection);
  }

  /** "20/s, 2 connections, 16 in flight" for the console. */
  String describe() {
    return String.format(
        Locale.US,
        "%s/s, %d connections, at most %d in flight",
        formatRate(targetRps),
        connections,
        maxInFlight);
  }

  /** The rate as {@code blazebench load --rate} writes it, without a trailing ".0". */
  static String formatRate(double rps) {
    return rps == Math.rint(rps) ? Long.toString((long) rps) : Double.toString(rps);
  }
}
