package dev.blazebench.server.feed;

import dev.blazebench.server.feed.SubscriptionEnd.FeedClosed;
import dev.blazebench.server.store.BlazeStore;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.ChangeListener;
import dev.blazebench.server.store.StoreClosedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process change feed: fans each committed change of a {@link BlazeStore} out to the
 * subscribers of its collection, after replaying what they missed from the store's durable log.
 * Every delivery adapter (gRPC Subscribe, WebSocket push) sits on one of these.
 *
 * <p><b>Guarantees.</b> A subscriber gets every change after the sequence it subscribed with,
 * exactly once, in sequence order, first from the log and then live, with no gap at the switch
 * ({@link Subscription} explains how). Changes reach the feed only once their commit is durable.
 * The store's committer, which publishes, never waits for a subscriber: a subscriber that lets more
 * than {@link FeedOptions#maxQueuedEvents()} (or {@link FeedOptions#maxQueuedBytes()}) pile up is
 * ended with {@link SubscriptionEnd.SubscriberTooSlow}, which says where to resume, so memory stays
 * bounded and the others are not slowed. A subscription that is cancelled or ends leaves nothing in
 * the feed.
 *
 * <pre>{@code
 * ChangeFeed feed = ChangeFeed.attach(store);
 * Subscription sub = feed.subscribe("bugs", lastSeenSequence, new ChangeSubscriber() {
 *   public boolean onChanges(List<ChangeEvent> events) {
 *     send(ChangeEvent.encodeOperations(events), events.get(events.size() - 1).sequence());
 *     return sinkIsReady();                    // false pauses until sub.resume()
 *   }
 *   public void onEnd(SubscriptionEnd end) {
 *     close(end.canResume() ? "resume after " + end.lastDeliveredSequence() : end.message());
 *   }
 * });
 * onSinkReady(sub::resume);
 * onClientGone(sub::cancel);
 * }</pre>
 *
 * <p>Closing the store ends every subscription with {@link FeedClosed}; {@link #close()} does the
 * same and detaches the feed. Thread-safe.
 */
public final class ChangeFeed implements AutoCloseable {

  private static final Subscription[] NONE = new Subscription[0];

  /** How long {@link #close()} lets the delivery pool finish its end signals. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final BlazeStore store;
  private final FeedOptions options;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final ChangeListener listener = new Publisher();
  private final AtomicLong gapsRecovered = new AtomicLong();

  private final Object lock = new Object();
  private final Map<String, Subscription[]> subscribersByCollection = new HashMap<>(); // lock
  private boolean closed; // guarded by lock

  private ChangeFeed(
      BlazeStore store, FeedOptions options, Executor executor, ExecutorService ownedExecutor) {
    this.store = store;
    this.options = options;
    this.executor = executor;
    this.ownedExecutor = ownedExecutor;
  }

  /** A feed over {@code store} with {@link FeedOptions#defaults()} and its own delivery pool. */
  public static ChangeFeed attach(BlazeStore store) {
    return attach(store, FeedOptions.defaults());
  }

  /** A feed over {@code store} with its own pool of {@link FeedOptions#deliveryThreads()}. */
  public static ChangeFeed attach(BlazeStore store, FeedOptions options) {
    Objects.requireNonNull(options, "options");
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            options.deliveryThreads(),
            options.deliveryThreads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), // at most one task per subscription: bounded by them
            new DeliveryThreads());
    pool.allowCoreThreadTimeOut(true); // an idle or abandoned feed holds no thread
    return attach(store, options, pool, pool);
  }

  /**
   * A feed over {@code store} that delivers on {@code executor} (which it does not shut down), for
   * adapters that already have one (an event loop must not be given: reading the log blocks).
   */
  public static ChangeFeed attach(BlazeStore store, FeedOptions options, Executor executor) {
    return attach(store, options, Objects.requireNonNull(executor, "executor"), null);
  }

  private static ChangeFeed attach(
      BlazeStore store, FeedOptions options, Executor executor, ExecutorService owned) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(options, "options");
    ChangeFeed feed = new ChangeFeed(store, options, executor, owned);
    try {
      store.addChangeListener(feed.listener);
    } catch (RuntimeException e) {
      if (owned != null) {
        owned.shutdownNow();
      }
      throw e;
    }
    return feed;
  }

  /**
   * Follows {@code collection} from the change after {@code afterSequence}: everything the log
   * still holds after it, then every new change. 0 asks for everything the log holds; the {@link
   * SubscriptionEnd#lastDeliveredSequence()} of an ended subscription resumes it. Delivery starts
   * on the feed's threads, possibly before this returns. If the log no longer holds the next change
   * the subscription ends at once with {@link SubscriptionEnd.ResyncRequired}.
   *
   * @throws IllegalArgumentException when {@code afterSequence} is negative
   * @throws dev.blazebench.server.store.InvalidCollectionNameException for a bad collection name
   * @throws StoreClosedException when the feed or its store is closed
   */
  public Subscription subscribe(
      String collection, long afterSequence, ChangeSubscriber subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be at least 0, was " + afterSequence);
    }
    store.lastSequence(collection); // checks the name, and that the store is open
    Subscription subscription =
        new Subscription(this, collection, afterSequence, subscriber, options);
    register(subscription);
    subscription.start();
    return subscription;
  }

  /** Follows only changes committed from now on: {@link #subscribe} after the last sequence. */
  public Subscription subscribeFromLatest(String collection, ChangeSubscriber subscriber) {
    return subscribe(collection, store.lastSequence(collection), subscriber);
  }

  /** Active subscriptions, all collections. */
  public int subscriberCount() {
    synchronized (lock) {
      int count = 0;
      for (Subscription[] subscriptions : subscribersByCollection.values()) {
        count += subscriptions.length;
      }
      return count;
    }
  }

  /** Active subscriptions to {@code collection}. */
  public int subscriberCount(String collection) {
    synchronized (lock) {
      return subscribersByCollection.getOrDefault(collection, NONE).length;
    }
  }

  /**
   * Changes held in subscribers' queues right now, summed (a change queued for two subscribers
   * counts twice): the feed's memory, bounded by subscribers × {@link
   * FeedOptions#maxQueuedEvents()}.
   */
  public long queuedEvents() {
    long total = 0;
    for (Subscription subscription : allSubscriptions()) {
      total += subscription.queuedEvents();
    }
    return total;
  }

  /**
   * Times a live subscription saw a sequence gap and went back to the log to fill it. Always 0
   * unless the handover from log to live is broken; the log makes good the loss either way.
   */
  long gapsRecovered() {
    return gapsRecovered.get();
  }

  void recordGapRecovered() {
    gapsRecovered.incrementAndGet();
  }

  /** Collections with at least one subscriber (an entry the feed holds). */
  int collectionsHeld() {
    synchronized (lock) {
      return subscribersByCollection.size();
    }
  }

  /**
   * Detaches from the store and ends every subscription with {@link FeedClosed}; with its own
   * delivery pool, waits up to 5 s for those signals, then stops the pool. Idempotent.
   */
  @Override
  public void close() {
    store.removeChangeListener(listener);
    endAll();
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      boolean interrupted = false;
      try {
        if (!ownedExecutor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          ownedExecutor.shutdownNow();
        }
      } catch (InterruptedException e) {
        interrupted = true;
        ownedExecutor.shutdownNow();
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  BlazeStore store() {
    return store;
  }

  Executor executor() {
    return executor;
  }

  private void register(Subscription subscription) {
    synchronized (lock) {
      if (closed) {
        throw new StoreClosedException("the change feed is closed");
      }
      Subscription[] current =
          subscribersByCollection.getOrDefault(subscription.collection(), NONE);
      Subscription[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = subscription;
      subscribersByCollection.put(subscription.collection(), next);
    }
  }

  /** Forgets {@code subscription}; idempotent. */
  void unregister(Subscription subscription) {
    synchronized (lock) {
      Subscription[] current = subscribersByCollection.get(subscription.collection());
      if (current == null) {
        return;
      }
      int at = -1;
      for (int i = 0; i < current.length; i++) {
        if (current[i] == subscription) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        return;
      }
      if (current.length == 1) {
        subscribersByCollection.remove(subscription.collection());
        return;
      }
      Subscription[] next = new Subscription[current.length - 1];
      System.arraycopy(current, 0, next, 0, at);
      System.arraycopy(current, at + 1, next, at, current.length - at - 1);
      subscribersByCollection.put(subscription.collection(), next);
    }
  }

  private List<Subscription> allSubscriptions() {
    List<Subscription> all = new ArrayList<>();
    synchronized (lock) {
      for (Subscription[] subscriptions : subscribersByCollection.values()) {
        all.addAll(Arrays.asList(subscriptions));
      }
    }
    return all;
  }

  private void endAll() {
    List<Subscription> all;
    synchronized (lock) {
      closed = true;
      all = new ArrayList<>();
      for (Subscription[] subscriptions : subscribersByCollection.values()) {
        all.addAll(Arrays.asList(subscriptions));
      }
    }
    for (Subscription subscription : all) {
      subscription.end(FeedClosed::new);
    }
  }

  private void publish(List<ChangeEvent> events) {
    String first = events.get(0).collection();
    boolean oneCollection = true;
    for (ChangeEvent event : events) {
      if (!event.collection().equals(first)) {
        oneCollection = false;
        break;
      }
    }
    if (oneCollection) {
      offer(first, events);
      return;
    }
    Map<String, List<ChangeEvent>> byCollection = new LinkedHashMap<>();
    for (ChangeEvent event : events) {
      byCollection.computeIfAbsent(event.collection(), c -> new ArrayList<>()).add(event);
    }
    byCollection.forEach(this::offer);
  }

  private void offer(String collection, List<ChangeEvent> events) {
    Subscription[] subscriptions;
    synchronized (lock) {
      subscriptions = subscribersByCollection.get(collection);
    }
    if (subscriptions == null) {
      return;
    }
    for (Subscription subscription : subscriptions) {
      subscription.offer(events);
    }
  }

  /** The feed's side of the store: runs on the committer thread and only queues. */
  private final class Publisher implements ChangeListener {
    @Override
    public void onCommitted(List<ChangeEvent> events) {
      publish(events);
    }

    @Override
    public void onStoreClosed() {
      endAll();
    }
  }

  private static final class DeliveryThreads implements ThreadFactory {
    private static final AtomicInteger FEEDS = new AtomicInteger();
    private final int feed = FEEDS.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread =
          new Thread(task, "blazebench-feed-" + feed + "-delivery-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
