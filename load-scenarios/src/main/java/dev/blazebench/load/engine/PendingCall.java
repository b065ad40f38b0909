package dev.blazebench.load.engine;

import dev.blazebench.load.record.OperationRecorder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call on the wire: settled exactly once, by its answer or by the end of the run, whichever comes
 * first, so a late answer can never be counted twice or turn a timeout into a success.
 */
final class PendingCall {

  final OperationRecorder recorder;
  final long intendedNanos;
  final long sendNanos;
  final long deadlineNanos;
  final CompletableFuture<OpOutcome> result = new CompletableFuture<>();
  private final AtomicBoolean settled = new AtomicBoolean();

  PendingCall(OperationRecorder recorder, long intendedNanos, long sendNanos, long deadlineNanos) {
    this.recorder = recorder;
    this.intendedNanos = intendedNanos;
    this.sendNanos = sendNanos;
    this.deadlineNanos = deadlineNanos;
  }

  /** True for the one caller that gets to settle the call. */
  boolean claim() {
    return settled.compareAndSet(false, true);
  }
}
