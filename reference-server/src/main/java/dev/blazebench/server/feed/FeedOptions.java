package dev.blazebench.server.feed;

/**
 * How a {@link ChangeFeed} bounds and batches delivery; resolve once, before attaching.
 *
 * @param maxQueuedEvents most changes held for one subscriber that is not taking them; one more
 *     ends it with {@link SubscriptionEnd.SubscriberTooSlow}
 * @param maxQueuedBytes most operation bytes held for one subscriber (at least one change is always
 *     held); past it, the same end
 * @param maxBatchEvents most changes handed over in one {@link ChangeSubscriber#onChanges} call
 * @param maxBatchBytes most operation bytes in one call, unless a single change is larger: keeps a
 *     batch inside a message limit (gRPC's default is 4 MiB)
 * @param deliveryThreads threads of the feed's own delivery pool (when no executor is given)
 */
public record FeedOptions(
    int maxQueuedEvents,
    long maxQueuedBytes,
    int maxBatchEvents,
    long maxBatchBytes,
    int deliveryThreads) {

  /** 10,000 changes, 16 MiB, batches of up to 1,000 changes or 1 MiB, two threads per core. */
  public static FeedOptions defaults() {
    return new FeedOptions(
        10_000,
        16L * 1024 * 1024,
        1_000,
        1024L * 1024,
        Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
  }

  public FeedOptions {
    requirePositive(maxQueuedEvents, "maxQueuedEvents");
    requirePositive(maxQueuedBytes, "maxQueuedBytes");
    requirePositive(maxBatchEvents, "maxBatchEvents");
    requirePositive(maxBatchBytes, "maxBatchBytes");
    requirePositive(deliveryThreads, "deliveryThreads");
  }

  public FeedOptions withMaxQueuedEvents(int maxQueuedEvents) {
    return new FeedOptions(
        maxQueuedEvents, maxQueuedBytes, maxBatchEvents, maxBatchBytes, deliveryThreads);
  }

  public FeedOptions withMaxQueuedBytes(long maxQueuedBytes) {
    return new FeedOptions(
        maxQueuedEvents, maxQueuedBytes, maxBatchEvents, maxBatchBytes, deliveryThreads);
  }

  public FeedOptions withMaxBatchEvents(int maxBatchEvents) {
    return new FeedOptions(
        maxQueuedEvents, maxQueuedBytes, maxBatchEvents, maxBatchBytes, deliveryThreads);
  }

  public FeedOptions withMaxBatchBytes(long maxBatchBytes) {
    return new FeedOptions(
        maxQueuedEvents, maxQueuedBytes, maxBatchEvents, maxBatchBytes, deliveryThreads);
  }

  public FeedOptions withDeliveryThreads(int deliveryThreads) {
    return new FeedOptions(
        maxQueuedEvents, maxQueuedBytes, maxBatchEvents, maxBatchBytes, deliveryThreads);
  }

  private static void requirePositive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
