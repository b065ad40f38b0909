package dev.blazebench.load.realtime;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What one subscriber should receive and what it did: checks that every write of the run arrives
 * exactly once and in order, and completes each write's delivery future when it does.
 *
 * <p>The checks, each failure a {@link ErrorClass#VALIDATION} outcome:
 *
 * <ul>
 *   <li><b>missing</b>: write {@code m} arrives while write {@code n} has not, and {@code n} was
 *       acknowledged before {@code m} was sent. Then {@code n} committed before {@code m} (commit
 *       precedes acknowledgement), so an in-order, exactly-once feed had to deliver it first; its
 *       delivery fails. Writes in flight at the same time may commit in either order, so nothing is
 *       concluded about them. A write missing with no later write to show it stays pending and
 *       fails at its deadline (DEADLINE), or at the end of the drain.
 *   <li><b>duplicate</b>: a write's change arrives a second time, or a change's sequence is not
 *       above the previous change's: reported to the duplicate handler (the delivery has already
 *       been counted once).
 * </ul>
 *
 * <p>Changes that are not the run's writes (another writer's, the run's probes) are checked for
 * sequence order only. Thread-safety: {@link #onChanges} runs on the subscriber's thread, one call
 * at a time; {@link #expect}, {@link #acknowledged} and {@link #writeFailed} on the writer's.
 */
public final class DeliveryTracker {

  private final int subscriber;
  private final WriteMarker marker;
  private final Consumer<String> duplicates;
  private final Map<Long, Expected> pending = new ConcurrentHashMap<>();
  private final BitSet received = new BitSet(); // guarded by itself
  private long lastSequence = -1; // subscriber thread only
  private volatile OpOutcome ended; // why the subscription ended; null while it runs

  /**
   * @param subscriber the subscriber's number, for messages
   * @param marker how the run's writes are named
   * @param duplicates told of every change received twice or out of sequence
   */
  public DeliveryTracker(int subscriber, WriteMarker marker, Consumer<String> duplicates) {
    this.subscriber = subscriber;
    this.marker = marker;
    this.duplicates = duplicates;
  }

  /** A write's delivery, expected by one subscriber. */
  private static final class Expected {
    final long index;
    final long sendNanos;
    volatile long ackNanos = -1;
    final CompletableFuture<OpOutcome> delivered = new CompletableFuture<>();

    Expected(long index, long sendNanos) {
      this.index = index;
      this.sendNanos = sendNanos;
    }
  }

  /**
   * Write {@code index} is about to be sent at {@code sendNanos}: returns the future its delivery
   * to this subscriber completes (with a success, or a VALIDATION failure if found missing). Call
   * before sending, so that a delivery that beats the write's acknowledgement is not missed.
   */
  public CompletableFuture<OpOutcome> expect(long index, long sendNanos) {
    Expected expected = new Expected(index, sendNanos);
    if (pending.putIfAbsent(index, expected) != null) {
      throw new IllegalStateException("write " + index + " expected twice");
    }
    // Completed by this tracker (which removes it first) or by its deadline elsewhere.
    expected.delivered.whenComplete((outcome, error) -> pending.remove(index, expected));
    OpOutcome end = ended;
    if (end != null) {
      expected.delivered.complete(end); // a subscriber that has ended receives nothing more
    }
    return expected.delivered;
  }

  /**
   * The subscription ended: every delivery still expected, and every later one, fails with {@code
   * outcome}. (The subscriber does not resume: a run whose subscribers drop is a failed run.)
   */
  public void ended(OpOutcome outcome) {
    ended = outcome;
    for (Expected expected : pending.values()) {
      settle(expected, outcome);
    }
  }

  /**
   * Completes a delivery, forgetting it first: whoever waits for the future (the driver's drain)
   * must find it gone from {@link #pendingCount} once it is complete.
   */
  private void settle(Expected expected, OpOutcome outcome) {
    pending.remove(expected.index, expected);
    expected.delivered.complete(outcome);
  }

  /** Write {@code index} was acknowledged at {@code ackNanos}. */
  public void acknowledged(long index, long ackNanos) {
    Expected expected = pending.get(index);
    if (expected != null) {
      expected.ackNanos = ackNanos;
    }
  }

  /** Write {@code index} failed: its delivery fails with {@code outcome}, nothing is expected. */
  public void writeFailed(long index, OpOutcome outcome) {
    Expected expected = pending.remove(index);
    if (expected != null) {
      expected.delivered.complete(outcome);
    }
  }

  /** How many deliveries this subscriber still waits for. */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * What the subscriber received, in arrival order; {@code payloadBytes} is the message's size,
   * shared over its changes.
   */
  public void onChanges(List<ObservedChange> changes, long payloadBytes) {
    long perChange = changes.isEmpty() ? 0 : payloadBytes / changes.size();
    for (ObservedChange change : changes) {
      boolean outOfSequence = lastSequence >= 0 && change.sequence() <= lastSequence;
      lastSequence = Math.max(lastSequence, change.sequence());
      long index = marker.indexOf(change.title());
      if (index < 0) {
        if (outOfSequence) {
          duplicates.accept(describe(change) + " arrived after sequence " + lastSequence);
        }
        continue;
      }
      boolean seenBefore;
      synchronized (received) {
        seenBefore = index <= Integer.MAX_VALUE && received.get((int) index);
        if (!seenBefore && index <= Integer.MAX_VALUE) {
          received.set((int) index);
        }
      }
      if (seenBefore || outOfSequence) {
        duplicates.accept(
            describe(change)
                + (seenBefore ? " of write " + index + " arrived twice" : "")
                + (outOfSequence ? " arrived after sequence " + lastSequence : ""));
        continue;
      }
      Expected expected = pending.get(index);
      if (expected == null) {
        continue; // a write that failed (or timed out) on the writer's side, yet committed
      }
      failMissingBefore(expected);
      settle(expected, OpOutcome.ok(0, perChange).withRecords(1));
    }
  }

  /** Fails every write acknowledged before {@code arrived} was sent that has not arrived. */
  private void failMissingBefore(Expected arrived) {
    for (Expected earlier : pending.values()) {
      long ack = earlier.ackNanos;
      if (earlier != arrived && ack >= 0 && ack - arrived.sendNanos < 0) {
        settle(
            earlier,
            OpOutcome.checked(
                false,
                "subscriber "
                    + subscriber
                    + " missed write "
                    + earlier.index
                    + ": write "
                    + arrived.index
                    + ", sent after it was acknowledged, arrived first",
                0,
                0));
      }
    }
  }

  private String describe(ObservedChange change) {
    return "subscriber "
        + subscriber
        + ": change "
        + change.sequence()
        + " ("
        + change.kind()
        + ")";
  }
}
