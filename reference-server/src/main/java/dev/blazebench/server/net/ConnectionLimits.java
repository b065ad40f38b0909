package dev.blazebench.server.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connection may sit idle and how many may be open at once: what keeps a client that
 * opens connections and sends nothing (or half a request) from holding the server's memory and file
 * descriptors without bound.
 *
 * @param idleTimeout a connection on which nothing has been read or written for this long is closed
 *     ({@link #DEFAULT_IDLE_TIMEOUT}, 120 s; {@link Duration#ZERO} never closes one). Longer than
 *     the 60 s after which Vert.x, Gatling and most HTTP client pools close their own idle
 *     connections, so a benchmark client closes first; a WebSocket subscriber is sent a ping every
 *     half of it, so a quiet one stays (and one that does not answer is closed)
 * @param maxConnections connections open at once on each listener (the REST one and the gRPC one
 *     count apart), past which a new one is closed as soon as it is accepted ({@value
 *     #DEFAULT_MAX_CONNECTIONS}; the connections of a WebSocket fan-out count). See {@link
 *     ConnectionCap}
 */
public record ConnectionLimits(Duration idleTimeout, int maxConnections) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  public ConnectionLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
    }
    if (!idleTimeout.isZero() && idleTimeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          "idleTimeout must be 0 (none) or at least 1 ms, was " + idleTimeout);
    }
    if (idleTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "idleTimeout must be at most " + Integer.MAX_VALUE + " ms, was " + idleTimeout);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
  }

  /** 120 s idle timeout, at most 10,000 connections. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
  }

  public ConnectionLimits withIdleTimeout(Duration idleTimeout) {
    return new ConnectionLimits(idleTimeout, maxConnections);
  }

  public ConnectionLimits withMaxConnections(int maxConnections) {
    return new ConnectionLimits(idleTimeout, maxConnections);
  }

  /** Whether idle connections are closed at all. */
  public boolean closesIdle() {
    return !idleTimeout.isZero();
  }
}
