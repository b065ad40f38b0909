package dev.blazebench.server.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The count of one listener's open connections against {@link ConnectionLimits#maxConnections()},
 * so that a client opening connections without end runs into the cap instead of the process's
 * file-descriptor limit (which the store needs too). The listener asks {@link #admit()} for each
 * connection it accepts, before reading a byte of it, closes the connection when refused, and calls
 * {@link #release()} when an admitted one closes. Logged once each time the cap is reached, not per
 * refused connection, and once when it is left.
 *
 * <p>Transport-free on purpose: the REST listener (Vert.x's Netty) and the gRPC listener (the Netty
 * shaded inside grpc-java) each wrap it in a handler of their own Netty.
 */
public final class ConnectionCap {

  private static final Logger LOG = Logger.getLogger(ConnectionCap.class.getName());

  private final String listener;
  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Whether the cap was reached and not yet left: the log lines are written on the changes. */
  private volatile boolean full;

  /**
   * @param listener what the log lines call the listener ("REST", "gRPC")
   * @param max connections open at once, at least 1
   */
  public ConnectionCap(String listener, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    this.listener = listener;
    this.max = max;
  }

  /**
   * Counts a newly accepted connection as open and returns true, unless {@link #max()} are open
   * already: then counts it refused and returns false, and the caller closes it.
   */
  public boolean admit() {
    int now;
    do {
      now = open.get();
      if (now >= max) {
        refused.incrementAndGet();
        if (!full) {
          full = true;
          LOG.log(
              Level.WARNING,
              "{0}: {1} connections open, the limit (--max-connections): closing new ones until"
                  + " some close",
              new Object[] {listener, Integer.toString(max)});
        }
        return false;
      }
    } while (!open.compareAndSet(now, now + 1));
    opened.incrementAndGet();
    return true;
  }

  /** Counts a connection {@link #admit() admitted} before as closed. */
  public void release() {
    int now = open.decrementAndGet();
    if (full && now < max) {
      full = false;
      LOG.info(() -> listener + ": connections below the limit (" + max + ") again: accepting");
    }
  }

  public int max() {
    return max;
  }

  /** Connections admitted and not yet closed. */
  public int open() {
    return open.get();
  }

  /** Connections admitted since the listener started. */
  public long opened() {
    return opened.get();
  }

  /** Connections closed as soon as they were accepted, because {@link #max()} were open. */
  public long refused() {
    return refused.get();
  }
}
