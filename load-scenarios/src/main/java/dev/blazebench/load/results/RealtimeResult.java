package dev.blazebench.load.results;

/**
 * What a {@code realtime} run adds to its scenario's results: who subscribed and what following the
 * changes cost each subscriber in socket bytes, scaled to an hour.
 *
 * @param subscribers subscribers on the API under test (summed over drivers after a merge)
 * @param writerApi the API the writer wrote through (not the API under test)
 * @param pollIntervalSec the poll interval of REST polling subscribers; null for push
 * @param wireSentPerSubscriberPerHour socket bytes the subscribers sent (polls, acknowledgements,
 *     HTTP/2 control frames) over the measured part and drain, per subscriber, scaled from the
 *     measured duration to 3,600 s; null if not counted
 * @param wireReceivedPerSubscriberPerHour socket bytes they received, likewise
 */
public record RealtimeResult(
    int subscribers,
    String writerApi,
    Double pollIntervalSec,
    Double wireSentPerSubscriberPerHour,
    Double wireReceivedPerSubscriberPerHour) {

  /** The result of {@code setup} with {@code wire} bytes over {@code durationSec}. */
  static RealtimeResult of(RealtimeSetup setup, WireBytes wire, double durationSec) {
    boolean known = wire != null && durationSec > 0 && setup.subscribers() > 0;
    double scale = known ? 3600.0 / durationSec / setup.subscribers() : 0;
    return new RealtimeResult(
        setup.subscribers(),
        setup.writerApi(),
        setup.pollIntervalSec(),
        known ? wire.sentBytes() * scale : null,
        known ? wire.receivedBytes() * scale : null);
  }

  /** How it was set up. */
  RealtimeSetup setup() {
    return new RealtimeSetup(subscribers, writerApi, pollIntervalSec);
  }
}
