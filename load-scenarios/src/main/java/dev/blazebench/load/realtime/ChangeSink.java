package dev.blazebench.load.realtime;

import java.util.List;

/**
 * Where a subscriber hands what it receives. Called on the subscriber's transport thread, one call
 * at a time per subscriber, in the order the changes arrived; must not block.
 */
public interface ChangeSink {

  /**
   * One message's changes, decoded; {@code receivedNanos} is {@link System#nanoTime()} after the
   * decoding, the moment the changes count as delivered; {@code payloadBytes} is the message's size
   * as the application sees it (the protobuf or BlazeBinary message, the JSON text).
   */
  void onChanges(List<ObservedChange> changes, long receivedNanos, long payloadBytes);

  /** The subscription ended (the server ended it, the connection broke, or decoding failed). */
  void onEnd(Throwable cause);
}
