package dev.blazebench.server.net;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bytes of request bodies the server holds at once, across all connections, against {@link
 * ConnectionLimits#requestBufferBytes()}. Each request's own size limit (--max-message-size) does
 * not bound the sum: forty clients each sending a 60 MB body at the same moment filled a 2 GiB
 * heap, and the OutOfMemoryErrors that followed struck whatever thread allocated next. A listener
 * reserves a body's size before reading it ({@link #tryReserve}), answers "busy" when that would
 * pass the limit, and releases the reservation once the request has been answered ({@link
 * #release}), since the body's parsed form lives until then. Logged once when a request is first
 * refused and once when the total is back under the limit.
 */
public final class RequestBuffer {

  private static final Logger LOG = Logger.getLogger(RequestBuffer.class.getName());

  private final String listener;
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Whether a request was refused since the total was last under the limit. */
  private volatile boolean full;

  /**
   * @param listener what the log lines call the listener ("REST", "gRPC")
   * @param limit bytes reserved at once, at least 1
   */
  public RequestBuffer(String listener, long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    this.listener = listener;
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes} (0 or more) and returns true, unless that would take the total past the
   * limit: then counts a refusal and returns false, reserving nothing.
   */
  public boolean tryReserve(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
    }
    long now;
    do {
      now = reserved.get();
      if (now + bytes > limit) {
        refused.incrementAndGet();
        if (!full) {
          full = true;
          LOG.log(
              Level.WARNING,
              "{0}: requests of {1} bytes held, a new one of {2} would pass the limit of {3}"
                  + " (--request-buffer): answering busy until some are answered",
              new Object[] {
                listener, Long.toString(now), Long.toString(bytes), Long.toString(limit)
              });
        }
        return false;
      }
    } while (!reserved.compareAndSet(now, now + bytes));
    return true;
  }

  /** Returns bytes {@link #tryReserve reserved} before. */
  public void release(long bytes) {
    long now = reserved.addAndGet(-bytes);
    if (full && now < limit) {
      full = false;
      LOG.info(
          () -> listener + ": requests held back under the limit (" + limit + " bytes): accepting");
    }
  }

  public long limit() {
    return limit;
  }

  /** Bytes reserved now. */
  public long reserved() {
    return reserved.get();
  }

  /** Requests refused since the start. */
  public long refused() {
    return refused.get();
  }
}
