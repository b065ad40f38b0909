package dev.blazebench.server.rest;

import dev.blazebench.server.net.ConnectionCap;
import dev.blazebench.server.net.RequestBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a {@link RestServer}, cumulative since it started. They make its transport behaviour
 * observable without timing: {@link #connectionsOpened()} shows keep-alive and HTTP/2 reusing
 * connections; {@link #backpressurePauses()} counts the times a streamed query stopped reading the
 * database because the connection's write queue was full, and {@link #recordsRead()} how far the
 * streams have read, so a test can check that a slow reader holds the server back instead of the
 * server buffering the whole result.
 */
public final class RestMetrics {

  private final ConnectionCap connections;
  private final RequestBuffer bodies;
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong aborted = new AtomicLong();
  private final AtomicLong recordsRead = new AtomicLong();
  private final AtomicLong backpressurePauses = new AtomicLong();
  private final AtomicLong headsTimedOut = new AtomicLong();
  private final AtomicLong idleHttp2Closes = new AtomicLong();
  private final AtomicLong slowBodiesClosed = new AtomicLong();

  RestMetrics(ConnectionCap connections, RequestBuffer bodies) {
    this.connections = connections;
    this.bodies = bodies;
  }

  /** TCP connections accepted and admitted under the cap (an h2c upgrade keeps its connection). */
  public long connectionsOpened() {
    return connections.opened();
  }

  /** Connections open now. */
  public int connectionsOpen() {
    return connections.open();
  }

  /** Connections closed as soon as they were accepted, because the cap was reached. */
  public long connectionsRefused() {
    return connections.refused();
  }

  /** Connections closed because a request head took longer than the header timeout. */
  public long headsTimedOut() {
    return headsTimedOut.get();
  }

  void headTimedOut() {
    headsTimedOut.incrementAndGet();
  }

  /**
   * Requests ended because their body, past the header timeout, arrived slower than 240 bytes a
   * second on average: over HTTP/1.1 the connection is closed, over HTTP/2 the request's stream is
   * reset.
   */
  public long slowBodiesClosed() {
    return slowBodiesClosed.get();
  }

  void slowBodyClosed() {
    slowBodiesClosed.incrementAndGet();
  }

  /**
   * HTTP/2 connections closed because none of their requests was open for the idle timeout,
   * whatever frames they sent (Vert.x's own idle timeout, which counts bytes, is not counted here).
   */
  public long idleHttp2Closes() {
    return idleHttp2Closes.get();
  }

  void idleHttp2Closed() {
    idleHttp2Closes.incrementAndGet();
  }

  /** Bytes of request bodies reserved now (requests read or being read, not yet answered). */
  public long bodyBytesHeld() {
    return bodies.reserved();
  }

  /** Requests answered 503 unread because their body would have passed the request buffer. */
  public long bodiesRefused() {
    return bodies.refused();
  }

  /** Streams whose response began (status 200 sent). */
  public long started() {
    return started.get();
  }

  /** Streams that sent their last record and ended the response. */
  public long completed() {
    return completed.get();
  }

  /** Streams that stopped early: the client went away, or the database read failed. */
  public long aborted() {
    return aborted.get();
  }

  /** Records read from the database by all streams (each is written before the next read). */
  public long recordsRead() {
    return recordsRead.get();
  }

  /** Times a stream waited for the connection to drain before reading its next batch. */
  public long backpressurePauses() {
    return backpressurePauses.get();
  }

  void streamStarted() {
    started.incrementAndGet();
  }

  void streamCompleted() {
    completed.incrementAndGet();
  }

  void streamAborted() {
    aborted.incrementAndGet();
  }

  void batchRead(int records) {
    recordsRead.addAndGet(records);
  }

  void paused() {
    backpressurePauses.incrementAndGet();
  }
}
