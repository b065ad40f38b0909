package dev.blazebench.load.time;

/**
 * How the driver's dispatch thread waits: until an instant on its {@link NanoClock}, or until
 * another thread says something changed (a call completed and freed an in-flight slot).
 *
 * <p>Production uses {@link ParkingWaiter}. Tests use a manual clock whose {@code awaitUntil} moves
 * virtual time forward and runs whatever was scheduled in between, so a run of "30 s" takes
 * milliseconds and is exactly repeatable.
 */
public interface Waiter {

  /**
   * Returns when the clock reaches {@code deadlineNanos} or after {@link #wakeUp()} was called
   * (including a call that happened since the last return), whichever comes first. May return early
   * for no reason; callers re-check their condition.
   */
  void awaitUntil(long deadlineNanos) throws InterruptedException;

  /** Makes the current or the next {@link #awaitUntil} return; safe from any thread. */
  void wakeUp();
}
