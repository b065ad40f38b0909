package dev.blazebench.load.realtime;

import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;

/**
 * One way to follow a collection's changes live: a gRPC Subscribe stream ({@code blaze://}, {@code
 * blaze-native://}, {@code proto://}), WebSocket push ({@code ws://}) or REST polling ({@code
 * rest-poll://}). Each {@link #subscribe} is one subscriber on its own TCP connection, as separate
 * devices would be; every subscriber's socket bytes go to the one {@link #wireCounter}.
 *
 * <pre>{@code
 * try (SubscriberApi api = Catalogue.openSubscribers(target, options)) {
 *   api.awaitReady(3000);
 *   AutoCloseable subscription = api.subscribe("realtime", sink);
 * }
 * }</pre>
 */
public interface SubscriberApi extends AutoCloseable {

  /** The API's name in results: "grpc-blazebinary", "websocket-json", "rest-poll-5s", ... */
  String name();

  /**
   * Starts one subscriber on a new connection, following {@code collection}'s changes committed
   * from about now on (a change committed while the subscription starts may be missed: callers wait
   * for a probe write to arrive before relying on it). Returns at once; what arrives goes to {@code
   * sink}. Closing the returned handle ends the subscription and its connection.
   */
  AutoCloseable subscribe(String collection, ChangeSink sink);

  /**
   * Checks that the server is there (one connection made and closed, or a call answered).
   *
   * @throws dev.blazebench.load.api.TargetUnreachableException if not within {@code timeoutMillis}
   */
  void awaitReady(long timeoutMillis) throws InterruptedException;

  /** The failure an exception of this API's subscriptions stands for. */
  OpOutcome classify(Throwable error);

  /** Socket bytes of every subscriber's connection. */
  WireCounter wireCounter();

  /** Ends every subscription and frees the connections. */
  @Override
  void close();
}
