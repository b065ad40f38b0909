package dev.blazebench.load.api;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Call deadlines for one client, kept by a single sweeper instead of a timer per call: every
 * {@value #SWEEP_MILLIS} ms it fails the calls whose deadline has passed with a {@link
 * TimeoutException} (DEADLINE) and cancels them on the wire. A call that is cancelled by its caller
 * ({@code future.cancel}) is cancelled on the wire too.
 *
 * <p>Why not the transport's deadlines: a gRPC deadline schedules a timer per call on the client
 * and sends {@code grpc-timeout}, which makes the server schedule one too; at tens of thousands of
 * calls a second that was a third of the injector's CPU per call and cost the server throughput a
 * plain HTTP/2 client (h2load) does not cost it. Deadlines here are exact to {@value #SWEEP_MILLIS}
 * ms, which the driver's DEADLINE class does not need finer; the server is not told the deadline,
 * and learns of an abandoned call from its cancellation (RST_STREAM, or a reset HTTP/1.1
 * connection).
 */
public final class CallDeadlines implements AutoCloseable {

  /**
   * How often overdue calls are looked for. Each sweep wakes a thread, which costs CPU the driver
   * counts against its calls: every 20 ms, the sweeper of one client used 4.8 ms of CPU a second (a
   * driver at get-one 2/s, per thread from /proc), a tenth of a millisecond per call at 50 calls/s.
   * Deadlines are seconds long; a tenth of a second is fine enough for them.
   */
  public static final long SWEEP_MILLIS = 100;

  private final Set<Tracked> calls = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;

  public CallDeadlines(String clientName) {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, clientName + "-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Fails {@code answer} with a {@link TimeoutException} if it is not complete within {@code
   * deadline}, and runs {@code cancelOnWire} when it timed out or was cancelled.
   *
   * @return {@code answer}
   */
  public <T> CompletableFuture<T> track(
      CompletableFuture<T> answer, Duration deadline, Runnable cancelOnWire) {
    Tracked call = new Tracked(System.nanoTime() + deadline.toNanos(), deadline, answer);
    calls.add(call);
    answer.whenComplete(
        (result, error) -> {
          calls.remove(call);
          if (error instanceof CancellationException || error instanceof DeadlinePassed) {
            cancelOnWire.run();
          }
        });
    return answer;
  }

  /** Calls being watched (for tests). */
  int watched() {
    return calls.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Tracked call : calls) {
      if (now - call.dueNanos >= 0) {
        call.answer.completeExceptionally(new DeadlinePassed(call.deadline));
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  /** The sweeper's failure of an overdue call (a TimeoutException: DEADLINE). */
  static final class DeadlinePassed extends TimeoutException {
    DeadlinePassed(Duration deadline) {
      super("no answer within the call deadline of " + deadline);
    }
  }

  private static final class Tracked {
    final long dueNanos;
    final Duration deadline;
    final CompletableFuture<?> answer;

    Tracked(long dueNanos, Duration deadline, CompletableFuture<?> answer) {
      this.dueNanos = dueNanos;
      this.deadline = deadline;
      this.answer = answer;
    }
  }
}
