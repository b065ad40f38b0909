package dev.blazebench.protocol.client;

import java.util.List;

/**
 * Receives a subscription's changes ({@code subscribe} on a client). Calls come one at a time, on a
 * gRPC thread; while {@link #onChanges} runs no further update is read, so a slow listener slows
 * its own stream (and the server ends it past its buffer bound), never others.
 */
public interface ChangeListener {

  /** The next changes, consecutive, in sequence order, as one batch the server sent. */
  void onChanges(List<Change> changes);

  /**
   * The subscription ended (it never ends on its own while the server runs). {@link
   * BlazeClientException#status()} says why: RESOURCE_EXHAUSTED (too slow) and UNAVAILABLE can be
   * resumed after the last sequence received; FAILED_PRECONDITION means resync (read the collection
   * again); CANCELLED follows {@link ChangeSubscription#cancel()}.
   */
  void onEnd(BlazeClientException reason);
}
