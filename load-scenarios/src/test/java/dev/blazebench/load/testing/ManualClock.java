package dev.blazebench.load.testing;

import dev.blazebench.load.time.NanoClock;
import dev.blazebench.load.time.Waiter;
import java.util.PriorityQueue;

/**
 * Virtual time for driver tests (grpc-java's {@code FakeClock} habit): a {@link NanoClock} that
 * moves only when the driver waits, and a {@link Waiter} that, instead of sleeping, jumps to the
 * next scheduled task (a fake server's answer), runs it, and goes on until the deadline or a
 * wake-up. A 30 s run takes milliseconds and is the same every time. Single-threaded.
 */
public final class ManualClock implements NanoClock, Waiter {

  private record Task(long atNanos, long sequence, Runnable action) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) ->
              a.atNanos != b.atNanos
                  ? Long.compare(a.atNanos, b.atNanos)
                  : Long.compare(a.sequence, b.sequence));
  private long nowNanos;
  private long sequence;
  private boolean woken;

  public ManualClock(long startNanos) {
    this.nowNanos = startNanos;
  }

  @Override
  public long nanoTime() {
    return nowNanos;
  }

  /** Runs {@code action} when virtual time reaches {@code atNanos} (now, if that has passed). */
  public void schedule(long atNanos, Runnable action) {
    tasks.add(new Task(Math.max(atNanos, nowNanos), sequence++, action));
  }

  /** Tasks not yet run. */
  public int pendingTasks() {
    return tasks.size();
  }

  @Override
  public void awaitUntil(long deadlineNanos) {
    while (!woken) {
      Task next = tasks.peek();
      if (next != null && next.atNanos <= deadlineNanos) {
        tasks.poll();
        nowNanos = Math.max(nowNanos, next.atNanos);
        next.action.run();
        continue;
      }
      if (deadlineNanos == Long.MAX_VALUE) {
        throw new IllegalStateException("the driver would wait forever: nothing is scheduled");
      }
      nowNanos = Math.max(nowNanos, deadlineNanos);
      return;
    }
    woken = false;
  }

  @Override
  public void wakeUp() {
    woken = true;
  }
}
