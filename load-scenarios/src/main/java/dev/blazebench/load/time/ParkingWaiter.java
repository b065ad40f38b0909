package dev.blazebench.load.time;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link Waiter} for one waiting thread on {@link System#nanoTime()}: it parks the thread until
 * the deadline, and {@link #wakeUp()} unparks it. A wake-up that arrives before the wait starts is
 * kept, so none is lost.
 *
 * <p>{@code LockSupport.parkNanos} oversleeps by tens of microseconds on Linux; the driver measures
 * that lateness (its dispatch-lag histogram) rather than spinning a core to avoid it, because on a
 * small machine a spinning injector steals the CPU the server under test needs.
 */
public final class ParkingWaiter implements Waiter {

  private final NanoClock clock;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile Thread waiter;

  public ParkingWaiter(NanoClock clock) {
    this.clock = clock;
  }

  @Override
  public void awaitUntil(long deadlineNanos) throws InterruptedException {
    waiter = Thread.currentThread();
    try {
      while (!woken.compareAndSet(true, false)) {
        long remainingNanos = deadlineNanos - clock.nanoTime();
        if (remainingNanos <= 0) {
          return;
        }
        LockSupport.parkNanos(this, remainingNanos);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      waiter = null;
    }
  }

  @Override
  public void wakeUp() {
    woken.set(true);
    Thread thread = waiter;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
