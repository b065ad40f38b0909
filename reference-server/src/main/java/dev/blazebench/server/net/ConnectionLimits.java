package dev.blazebench.server.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connection may sit idle, how many may be open at once, and how many bytes of request
 * bodies may be held at once: what keeps clients that open connections and send nothing (or half a
 * request), or send many large requests together, from holding the server's memory and file
 * descriptors without bound.
 *
 * @param idleTimeout a connection on which nothing has been read or written for this long is
 *     closed, and so is a REST HTTP/2 connection with no request open for this long, whatever
 *     frames it sends ({@link #DEFAULT_IDLE_TIMEOUT}, 120 s; {@link Duration#ZERO} never closes
 *     one). Longer than the 60 s after which Vert.x, Gatling and most HTTP client pools close their
 *     own idle connections, so a benchmark client closes first; a WebSocket subscriber is sent a
 *     ping every half of it, so a quiet one stays (and one that does not answer is closed)
 * @param maxConnections connections open at once on each listener (the REST one and the gRPC one
 *     count apart), past which a new one is closed as soon as it is accepted ({@value
 *     #DEFAULT_MAX_CONNECTIONS}; the connections of a WebSocket fan-out count). See {@link
 *     ConnectionCap}
 * @param requestBufferBytes bytes of requests held at once on each listener (the REST one and the
 *     gRPC one count apart): REST bodies from their head on, gRPC request messages from when they
 *     are whole until they are done with; past it a new request is answered 503 (REST) or
 *     UNAVAILABLE (gRPC) unread ({@link #defaultRequestBufferBytes()}: a sixteenth of the heap, at
 *     least 64 MiB). See {@link RequestBuffer}
 * @param headerTimeout a REST connection whose request head has not arrived whole this long after
 *     it was accepted (its first head) or after the head's first byte (a later head on a keep-alive
 *     connection) is closed, however its bytes trickle in (Go's {@code ReadHeaderTimeout}, nginx's
 *     {@code client_header_timeout}), and so is one whose request body, this long after its head,
 *     has arrived slower than 240 bytes a second on average (Kestrel's {@code
 *     MinRequestBodyDataRate}; over HTTP/2 the request's stream is reset instead): the idle timeout
 *     alone would keep a client that sends a byte now and then ({@link #DEFAULT_HEADER_TIMEOUT}, 10
 *     s; {@link Duration#ZERO}: none). gRPC needs none: its idle timeout counts calls, not bytes
 */
public record ConnectionLimits(
    Duration idleTimeout, int maxConnections, long requestBufferBytes, Duration headerTimeout) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  /** The least {@link #defaultRequestBufferBytes()} gives: the default largest request. */
  private static final long MIN_DEFAULT_REQUEST_BUFFER = 64L * 1024 * 1024;

  public ConnectionLimits {
    checkTimeout("idleTimeout", idleTimeout);
    checkTimeout("headerTimeout", headerTimeout);
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
    if (requestBufferBytes < 1) {
      throw new IllegalArgumentException(
          "requestBufferBytes must be at least 1, was " + requestBufferBytes);
    }
  }

  /** These limits with the {@link #DEFAULT_HEADER_TIMEOUT default header timeout}. */
  public ConnectionLimits(Duration idleTimeout, int maxConnections, long requestBufferBytes) {
    this(idleTimeout, maxConnections, requestBufferBytes, DEFAULT_HEADER_TIMEOUT);
  }

  /**
   * These limits with the {@link #defaultRequestBufferBytes() default request buffer} and {@link
   * #DEFAULT_HEADER_TIMEOUT header timeout}.
   */
  public ConnectionLimits(Duration idleTimeout, int maxConnections) {
    this(idleTimeout, maxConnections, defaultRequestBufferBytes());
  }

  /** Not null, 0 (none) or 1 ms to {@code Integer.MAX_VALUE} ms (what Vert.x and Netty take). */
  private static void checkTimeout(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + timeout);
    }
    if (!timeout.isZero() && timeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          name + " must be 0 (none) or at least 1 ms, was " + timeout);
    }
    if (timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " must be at most " + Integer.MAX_VALUE + " ms, was " + timeout);
    }
  }

  /**
   * 120 s idle timeout, at most 10,000 connections, a sixteenth of the heap for request bodies, 10
   * s for a request head.
   */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * A sixteenth of this JVM's largest heap ({@code -Xmx}), and at least 64 MiB (the default largest
   * request): 128 MiB for the 2 GiB heap {@code compare} gives its servers. Small, because a body
   * takes several times its size in the heap while it is parsed and stored: with a 2 GiB heap, four
   * concurrent 60 MB batch inserts (177,514 records each) were stored, six ran the store out of
   * memory (which then fails every request until restarted).
   */
  public static long defaultRequestBufferBytes() {
    return Math.max(MIN_DEFAULT_REQUEST_BUFFER, Runtime.getRuntime().maxMemory() / 16);
  }

  public ConnectionLimits withIdleTimeout(Duration idleTimeout) {
    return new ConnectionLimits(idleTimeout, maxConnections, requestBufferBytes, headerTimeout);
  }

  public ConnectionLimits withMaxConnections(int maxConnections) {
    return new ConnectionLimits(idleTimeout, maxConnections, requestBufferBytes, headerTimeout);
  }

  public ConnectionLimits withRequestBufferBytes(long requestBufferBytes) {
    return new ConnectionLimits(idleTimeout, maxConnections, requestBufferBytes, headerTimeout);
  }

  public ConnectionLimits withHeaderTimeout(Duration headerTimeout) {
    return new ConnectionLimits(idleTimeout, maxConnections, requestBufferBytes, headerTimeout);
  }

  /** Whether idle connections are closed at all. */
  public boolean closesIdle() {
    return !idleTimeout.isZero();
  }
}
