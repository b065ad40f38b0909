package dev.blazebench.load.wire;

import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes a client's TCP connections carried, counted where they meet the socket: every byte written
 * to and read from the connection, framing, headers, HTTP/2 control frames and TLS included (IP and
 * TCP headers not). The driver reads it at the start and end of the measured part; the difference,
 * divided by the operations, is the wire bytes per operation.
 *
 * <p>Thread-safe; transports call {@link #addSent} and {@link #addReceived} from their I/O threads.
 */
public final class WireCounter {

  /** {@link WireCountingHandler}: a Netty handler first in each connection's pipeline. */
  public static final String NETTY_SOCKET_HANDLER = "netty-socket-handler";

  private final String method;
  private final LongAdder sentBytes = new LongAdder();
  private final LongAdder receivedBytes = new LongAdder();

  /**
   * @param method how the bytes are counted, as results name it (e.g. {@code netty-socket-handler})
   */
  public WireCounter(String method) {
    this.method = method;
  }

  /** How the bytes are counted. */
  public String method() {
    return method;
  }

  public void addSent(long bytes) {
    sentBytes.add(bytes);
  }

  public void addReceived(long bytes) {
    receivedBytes.add(bytes);
  }

  /** Both counts now. */
  public Snapshot snapshot() {
    return new Snapshot(sentBytes.sum(), receivedBytes.sum());
  }

  /**
   * Bytes sent and received up to a moment.
   *
   * @param sentBytes written to the connections
   * @param receivedBytes read from them
   */
  public record Snapshot(long sentBytes, long receivedBytes) {

    /** This minus {@code earlier}. */
    public Snapshot minus(Snapshot earlier) {
      return new Snapshot(sentBytes - earlier.sentBytes, receivedBytes - earlier.receivedBytes);
    }
  }
}
