package dev.blazebench.server.feed;

import dev.blazebench.server.feed.SubscriptionEnd.Failed;
import dev.blazebench.server.feed.SubscriptionEnd.FeedClosed;
import dev.blazebench.server.feed.SubscriptionEnd.ResyncRequired;
import dev.blazebench.server.feed.SubscriptionEnd.SubscriberTooSlow;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.ChangesPage;
import dev.blazebench.server.store.ChangesResult;
import dev.blazebench.server.store.ResyncNeeded;
import dev.blazebench.server.store.StoreClosedException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;

/**
 * One subscriber's place in a collection's change stream, from {@link ChangeFeed#subscribe}: the
 * handle an adapter keeps to {@link #resume()} delivery when its sink can take more and to {@link
 * #cancel()} when its client goes away.
 *
 * <h2>How it delivers</h2>
 *
 * A subscription is either catching up or live. Catching up, it reads the durable log a batch at a
 * time, after the last sequence it has, holding nothing else; it becomes live under its lock only
 * once it has read up to the store's {@link dev.blazebench.server.store.BlazeStore#lastSequence
 * last sequence}. Live, the feed's publisher appends each newly committed change to its bounded
 * queue, skipping sequences it already has. Because it is registered with the feed before its first
 * read, and the store raises its last sequence before it publishes, every change is either read
 * from the log or queued — never neither, never delivered twice. A live queue that passes its bound
 * ends the subscription with {@link SubscriberTooSlow}; the publisher never waits.
 *
 * <p>Delivery runs on the feed's executor, at most one task per subscription at a time, taking
 * whatever is ready up to the batch limits. When {@link ChangeSubscriber#onChanges} returns {@code
 * false} the subscription pauses until {@link #resume()}; a {@code resume()} that races with that
 * very call is not lost.
 */
public final class Subscription {

  private static final System.Logger LOG = System.getLogger(Subscription.class.getName());

  /** Batches one task delivers before it yields its thread to other subscriptions. */
  private static final int MAX_BATCHES_PER_TASK = 8;

  private enum Mode {
    CATCHING_UP,
    LIVE,
    ENDED
  }

  private final ChangeFeed feed;
  private final String collection;
  private final ChangeSubscriber subscriber;
  private final FeedOptions options;
  private final Object lock = new Object();

  // All guarded by lock:
  private Mode mode = Mode.CATCHING_UP;
  private final ArrayDeque<ChangeEvent> queue = new ArrayDeque<>();
  private long queuedBytes;

  /** Highest sequence read from the log or queued: what the subscription already has. */
  private long cursor;

  /** Highest sequence taken for delivery (maybe being delivered right now). */
  private long taken;

  /** Highest sequence whose onChanges call returned. */
  private long delivered;

  private boolean paused;
  private boolean resumeRequested;
  private boolean drainScheduled;

  /** An end to signal, made with the last delivered sequence once in-flight delivery is over. */
  private LongFunction<SubscriptionEnd> pendingEnd;

  /** onEnd was called, or the subscriber cancelled: call nothing more. */
  private boolean finished;

  Subscription(
      ChangeFeed feed,
      String collection,
      long afterSequence,
      ChangeSubscriber subscriber,
      FeedOptions options) {
    this.feed = feed;
    this.collection = collection;
    this.subscriber = subscriber;
    this.options = options;
    this.cursor = afterSequence;
    this.taken = afterSequence;
    this.delivered = afterSequence;
  }

  /** The collection followed. */
  public String collection() {
    return collection;
  }

  /** The last sequence handed to the subscriber whose call has returned. */
  public long lastDeliveredSequence() {
    synchronized (lock) {
      return delivered;
    }
  }

  /** False once the subscription has ended or been cancelled. */
  public boolean isActive() {
    synchronized (lock) {
      return mode != Mode.ENDED;
    }
  }

  /**
   * Continues delivery after {@link ChangeSubscriber#onChanges} returned {@code false}: call it
   * when the sink can take more (gRPC {@code onReady}, a WebSocket drain). Harmless at any other
   * time, from any thread.
   */
  public void resume() {
    boolean schedule;
    synchronized (lock) {
      resumeRequested = true;
      schedule = needsDrainLocked();
    }
    if (schedule) {
      submit();
    }
  }

  /**
   * Ends the subscription without a signal: the feed drops its queue and forgets it at once. One
   * {@link ChangeSubscriber#onChanges} call already running may still complete; no call starts
   * after this returns. Idempotent.
   */
  public void cancel() {
    synchronized (lock) {
      mode = Mode.ENDED;
      clearQueueLocked();
      pendingEnd = null;
      finished = true;
    }
    feed.unregister(this);
  }

  /** Changes held for this subscriber right now (for the feed's memory accounting). */
  int queuedEvents() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /** Starts delivery: the first task reads the log after the sequence subscribed with. */
  void start() {
    boolean schedule;
    synchronized (lock) {
      schedule = needsDrainLocked();
    }
    if (schedule) {
      submit();
    }
  }

  /**
   * Called by the feed's publisher with newly committed changes of this collection, in sequence
   * order. Never blocks beyond this subscription's short lock.
   */
  void offer(List<ChangeEvent> events) {
    boolean ended = false;
    boolean schedule;
    synchronized (lock) {
      if (mode != Mode.LIVE) {
        return; // catching up reads them from the log; ended wants nothing
      }
      for (ChangeEvent event : events) {
        long sequence = event.sequence();
        if (sequence <= cursor) {
          continue; // already read from the log
        }
        if (sequence != cursor + 1) {
          // A gap cannot happen by design; if it ever does, the log still has every change.
          LOG.log(
              Level.WARNING,
              "change feed for \"" + collection + "\" skipped from " + cursor + " to " + sequence);
          feed.recordGapRecovered();
          clearQueueLocked();
          cursor = taken;
          mode = Mode.CATCHING_UP;
          break;
        }
        int size = event.operationSizeBytes();
        if (queue.size() >= options.maxQueuedEvents()
            || (!queue.isEmpty() && queuedBytes + size > options.maxQueuedBytes())) {
          int queuedEvents = queue.size();
          long bytes = queuedBytes;
          ended = endLocked(last -> new SubscriberTooSlow(last, queuedEvents, bytes));
          break;
        }
        queue.addLast(event);
        queuedBytes += size;
        cursor = sequence;
      }
      schedule = needsDrainLocked();
    }
    if (ended) {
      feed.unregister(this);
    }
    if (schedule) {
      submit();
    }
  }

  /** Ends the subscription from outside delivery (the feed closing); the signal follows. */
  void end(LongFunction<SubscriptionEnd> reason) {
    boolean ended;
    boolean schedule;
    synchronized (lock) {
      ended = endLocked(reason);
      schedule = needsDrainLocked();
    }
    if (ended) {
      feed.unregister(this);
    }
    if (schedule) {
      submit();
    }
  }

  private boolean endLocked(LongFunction<SubscriptionEnd> reason) {
    if (mode == Mode.ENDED) {
      return false;
    }
    mode = Mode.ENDED;
    clearQueueLocked();
    pendingEnd = reason;
    return true;
  }

  private void clearQueueLocked() {
    queue.clear();
    queuedBytes = 0;
  }

  /** Claims the single delivery task when there is work for it; the caller then submits it. */
  private boolean needsDrainLocked() {
    if (drainScheduled || finished) {
      return false;
    }
    boolean mayDeliver = !paused || resumeRequested;
    boolean work =
        pendingEnd != null
            || (mayDeliver
                && (mode == Mode.CATCHING_UP || (mode == Mode.LIVE && !queue.isEmpty())));
    drainScheduled = work;
    return work;
  }

  private void submit() {
    try {
      feed.executor().execute(this::drain);
    } catch (RejectedExecutionException e) {
      // The feed's own pool is shut down: the feed is closed and no signal can be delivered.
      synchronized (lock) {
        mode = Mode.ENDED;
        clearQueueLocked();
        finished = true;
      }
      feed.unregister(this);
    }
  }

  /** The delivery task: at most one runs per subscription, and it owns drainScheduled. */
  private void drain() {
    for (int round = 0; round < MAX_BATCHES_PER_TASK; round++) {
      List<ChangeEvent> batch = null;
      long readAfter = -1;
      SubscriptionEnd end = null;
      synchronized (lock) {
        if (finished) {
          return; // cancelled: nothing may be scheduled again
        }
        if (pendingEnd != null) {
          end = pendingEnd.apply(delivered);
          pendingEnd = null;
          finished = true;
        } else if (paused && !resumeRequested) {
          drainScheduled = false;
          return;
        } else {
          paused = false;
          resumeRequested = false;
          if (mode == Mode.LIVE) {
            if (queue.isEmpty()) {
              drainScheduled = false;
              return;
            }
            batch = takeBatchLocked();
          } else {
            readAfter = cursor;
          }
        }
      }
      if (end != null) {
        signalEnd(end);
        return;
      }
      if (batch == null) {
        batch = readFromLog(readAfter);
        if (batch == null) {
          continue;
        }
      }
      deliver(batch);
    }
    boolean again;
    synchronized (lock) {
      drainScheduled = false;
      again = needsDrainLocked();
    }
    if (again) {
      submit(); // yield the thread, then go on
    }
  }

  private List<ChangeEvent> takeBatchLocked() {
    List<ChangeEvent> batch = new ArrayList<>(Math.min(queue.size(), options.maxBatchEvents()));
    long bytes = 0;
    while (!queue.isEmpty() && batch.size() < options.maxBatchEvents()) {
      ChangeEvent next = queue.peekFirst();
      int size = next.operationSizeBytes();
      if (!batch.isEmpty() && bytes + size > options.maxBatchBytes()) {
        break;
      }
      queue.pollFirst();
      queuedBytes -= size;
      bytes += size;
      batch.add(next);
    }
    taken = batch.get(batch.size() - 1).sequence();
    return batch;
  }

  /**
   * Reads the next page after {@code after} while catching up; returns the events to deliver, or
   * null when there are none this round (caught up and now live, or ended).
   */
  private List<ChangeEvent> readFromLog(long after) {
    ChangesResult result;
    try {
      result =
          feed.store()
              .readChanges(collection, after, options.maxBatchEvents(), options.maxBatchBytes());
    } catch (StoreClosedException e) {
      endFromDelivery(FeedClosed::new);
      return null;
    } catch (RuntimeException e) {
      endFromDelivery(last -> new Failed(last, e));
      return null;
    }
    if (result instanceof ResyncNeeded resync) {
      endFromDelivery(last -> new ResyncRequired(last, resync));
      return null;
    }
    List<ChangeEvent> events = ((ChangesPage) result).events();
    boolean storeClosed = false;
    synchronized (lock) {
      if (mode != Mode.CATCHING_UP || cursor != after) {
        return null; // ended meanwhile
      }
      if (!events.isEmpty()) {
        cursor = events.get(events.size() - 1).sequence();
        taken = cursor;
      }
      // The handover, read under this lock after registering with the feed: a change committed
      // after this read is published later, to a feed that knows this subscription, and finds it
      // live; a change committed before it is at most `last`, which the log has given us.
      try {
        if (feed.store().lastSequence(collection) <= cursor) {
          mode = Mode.LIVE;
        }
      } catch (StoreClosedException e) {
        storeClosed = true;
      }
    }
    if (storeClosed) {
      // Deliver what was read first; the end signal follows in the next round.
      endFromDelivery(FeedClosed::new);
    }
    return events.isEmpty() ? null : events;
  }

  private void endFromDelivery(LongFunction<SubscriptionEnd> reason) {
    boolean ended;
    synchronized (lock) {
      ended = endLocked(reason);
    }
    if (ended) {
      feed.unregister(this);
    }
  }

  private void deliver(List<ChangeEvent> batch) {
    boolean ready;
    try {
      ready = subscriber.onChanges(batch);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "a change subscriber failed; ending its subscription", e);
      endFromDelivery(last -> new Failed(last, e));
      return;
    }
    synchronized (lock) {
      delivered = batch.get(batch.size() - 1).sequence();
      if (!ready && !resumeRequested) {
        paused = true;
      }
    }
  }

  private void signalEnd(SubscriptionEnd end) {
    try {
      subscriber.onEnd(end);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "a change subscriber failed in onEnd", e);
    }
  }
}
