package dev.blazebench.server.feed;

import dev.blazebench.server.store.ChangeEvent;
import java.util.List;

/**
 * Receives one subscription's changes: the adapter's end of a {@link ChangeFeed} (a gRPC response
 * stream, a WebSocket, a test).
 *
 * <p>Calls come from the feed's delivery threads, one at a time per subscription (never
 * concurrently, each seeing the previous one's effects), and must not block: a slow network is
 * signalled by returning {@code false}, not by waiting. After {@link #onEnd} nothing more is
 * called.
 */
public interface ChangeSubscriber {

  /**
   * The next changes: consecutive sequences, continuing right after the previous batch (or after
   * the {@code afterSequence} subscribed with), as many as were ready up to the feed's batch
   * limits.
   *
   * @return {@code true} to receive the next batch as soon as it is ready; {@code false} when the
   *     sink cannot take more now (gRPC {@code isReady()} false, a WebSocket's write queue full).
   *     The feed then holds further changes, up to its bound, until {@link Subscription#resume()}.
   */
  boolean onChanges(List<ChangeEvent> events);

  /**
   * The subscription ended for the reason given, which says whether and where to resume. Not called
   * after {@link Subscription#cancel()}.
   */
  void onEnd(SubscriptionEnd end);
}
