package dev.blazebench.harness.compare;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a compare: a shutdown hook that asks the compare thread to stop
 * (an interrupt: the load driver ends its run early, the loop stops starting runs) and holds the
 * JVM's exit until that thread has stopped the server and written what was measured, or {@link
 * #MAX_WAIT_SECONDS} have passed.
 */
final class StopSignal implements AutoCloseable {

  static final int MAX_WAIT_SECONDS = 30;

  private final Thread worker;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private StopSignal(Thread worker) {
    this.worker = worker;
    this.hook = new Thread(this::stop, "blazebench-compare-stop");
  }

  /** Watches for a stop on behalf of the calling thread. */
  static StopSignal install() {
    StopSignal signal = new StopSignal(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  private void stop() {
    requested = true;
    worker.interrupt();
    try {
      finished.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True once a stop was asked for. */
  boolean requested() {
    return requested;
  }

  /** The compare has written what it had: the JVM may exit. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (this is the stop): the hook is running, let it be.
    }
  }
}
