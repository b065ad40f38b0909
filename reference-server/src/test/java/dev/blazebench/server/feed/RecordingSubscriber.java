package dev.blazebench.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.server.store.ChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber for tests: records every batch, checks that batches arrive one at a time, and lets a
 * test wait (with a bounded timeout, never a sleep) for a sequence or for the end.
 */
class RecordingSubscriber implements ChangeSubscriber {

  static final long TIMEOUT_SECONDS = 30;

  private final List<ChangeEvent> events = new ArrayList<>(); // guarded by this
  private final List<Integer> batchSizes = new ArrayList<>(); // guarded by this
  private final CompletableFuture<SubscriptionEnd> end = new CompletableFuture<>();
  private volatile boolean ready = true;
  private int callsInProgress; // guarded by this

  /** Whether onChanges answers that it can take more. */
  void setReady(boolean ready) {
    this.ready = ready;
  }

  @Override
  public boolean onChanges(List<ChangeEvent> batch) {
    synchronized (this) {
      assertThat(callsInProgress).as("concurrent onChanges").isZero();
      assertThat(end).as("onChanges after onEnd").isNotDone();
      callsInProgress++;
      events.addAll(batch);
      batchSizes.add(batch.size());
      callsInProgress--;
      notifyAll();
    }
    return ready;
  }

  @Override
  public void onEnd(SubscriptionEnd reason) {
    if (!end.complete(reason)) {
      throw new AssertionError("onEnd called twice");
    }
    synchronized (this) {
      notifyAll();
    }
  }

  synchronized List<ChangeEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<Long> sequences() {
    return events.stream().map(ChangeEvent::sequence).toList();
  }

  synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  synchronized long lastSequence() {
    return events.isEmpty() ? -1 : events.get(events.size() - 1).sequence();
  }

  /** Waits until a change with at least {@code sequence} arrived; fails after the timeout. */
  synchronized void awaitSequence(long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (lastSequence() < sequence) {
      if (end.isDone()) {
        throw new AssertionError(
            "ended before sequence " + sequence + ": " + end.getNow(null).message());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no sequence "
                + sequence
                + " within "
                + TIMEOUT_SECONDS
                + " s; last "
                + lastSequence());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits until {@code count} batches arrived. */
  synchronized void awaitBatches(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (batchSizes.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + count + " batches within " + TIMEOUT_SECONDS + " s");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  SubscriptionEnd awaitEnd() throws Exception {
    return end.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  boolean ended() {
    return end.isDone();
  }
}
