package dev.blazebench.server.realtime;

import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link ChangeListener} that keeps what it receives and lets a test wait for it. */
final class RecordingListener implements ChangeListener {

  static final Duration WAIT = Duration.ofSeconds(30);

  /** How long a gated listener stays stuck at most: longer than any test that uses it. */
  static final Duration GATE_WAIT = Duration.ofMinutes(3);

  private final List<Change> changes = new ArrayList<>();
  private final CompletableFuture<BlazeClientException> end = new CompletableFuture<>();
  private final CountDownLatch gate;

  RecordingListener() {
    this(new CountDownLatch(0));
  }

  /** A listener whose first onChanges blocks until {@code gate} opens: a client that stops. */
  RecordingListener(CountDownLatch gate) {
    this.gate = gate;
  }

  @Override
  public void onChanges(List<Change> batch) {
    try {
      if (!gate.await(GATE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      changes.addAll(batch);
      notifyAll();
    }
  }

  @Override
  public void onEnd(BlazeClientException reason) {
    end.complete(reason);
    synchronized (this) {
      notifyAll();
    }
  }

  /** Waits until at least {@code count} changes arrived; returns them all. */
  synchronized List<Change> awaitChanges(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (changes.size() < count && !end.isDone()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + changes.size() + " of " + count + " changes arrived");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(changes);
  }

  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** Waits for the end of the subscription. */
  BlazeClientException awaitEnd() throws Exception {
    return end.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The sequences received, in order. */
  synchronized List<Long> sequences() {
    return changes.stream().map(Change::sequence).toList();
  }
}
