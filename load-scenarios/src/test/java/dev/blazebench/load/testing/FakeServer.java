package dev.blazebench.load.testing;

import dev.blazebench.load.engine.Call;
import dev.blazebench.load.engine.OpOutcome;
import java.util.concurrent.CompletableFuture;

/**
 * A server in virtual time that serves one request at a time, like a single connection whose server
 * thread is stuck during a stall: a request starts when the server is free, waits out any stall it
 * runs into, and is answered {@code serviceNanos} later.
 */
public final class FakeServer {

  private final ManualClock clock;
  private final long serviceNanos;
  private long busyUntilNanos = Long.MIN_VALUE;
  private long stallStartNanos = Long.MAX_VALUE;
  private long stallEndNanos = Long.MAX_VALUE;

  public FakeServer(ManualClock clock, long serviceNanos) {
    this.clock = clock;
    this.serviceNanos = serviceNanos;
  }

  /** Nothing is served from {@code startNanos} until {@code endNanos}. */
  public FakeServer stall(long startNanos, long endNanos) {
    this.stallStartNanos = startNanos;
    this.stallEndNanos = endNanos;
    return this;
  }

  /** A call answered with {@code outcome} once served. */
  public Call call(OpOutcome outcome) {
    return deadline -> {
      long start = Math.max(clock.nanoTime(), busyUntilNanos);
      if (start >= stallStartNanos && start < stallEndNanos) {
        start = stallEndNanos;
      }
      long done = start + serviceNanos;
      busyUntilNanos = done;
      CompletableFuture<OpOutcome> answer = new CompletableFuture<>();
      clock.schedule(done, () -> answer.complete(outcome));
      return answer;
    };
  }
}
