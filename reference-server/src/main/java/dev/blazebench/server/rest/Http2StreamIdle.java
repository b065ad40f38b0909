package dev.blazebench.server.rest;

import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Stream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a REST HTTP/2 connection that has had no open request for the idle timeout, whatever
 * frames it sends meanwhile. Vert.x's idle timeout is reset by every byte read, so a client sending
 * a PING now and then, or a header block one CONTINUATION frame at a time (no stream exists until
 * it ends), held its connection for ever, and with enough of them the whole {@code
 * --max-connections}. Go's HTTP/2 server ({@code IdleTimeout}) and grpc-java ({@code
 * maxConnectionIdle}, our gRPC listener's idle timeout) count open streams the same way.
 *
 * <p>Watches the connection's streams through Netty's {@link Http2Connection.Listener} on Vert.x's
 * {@link Http2ConnectionHandler}. Its check is scheduled once per idle timeout and looks, when due,
 * at how long the connection has had no active stream. Closing goes through the pipeline, so the
 * client gets GOAWAY (NO_ERROR) first. Installed by {@link HeadDeadline} once a connection has
 * become HTTP/2.
 */
final class Http2StreamIdle extends Http2ConnectionAdapter {

  private static final System.Logger LOG = System.getLogger(Http2StreamIdle.class.getName());

  private final Channel channel;
  private final Http2Connection connection;
  private final long idleNanos;
  private final Runnable onClose;

  /** When the last stream closed, or the watch began, by {@link System#nanoTime()}. */
  private long idleSince;

  private Http2StreamIdle(
      Channel channel, Http2Connection connection, Duration idleTimeout, Runnable onClose) {
    this.channel = channel;
    this.connection = connection;
    this.idleNanos = idleTimeout.toNanos();
    this.onClose = onClose;
  }

  /**
   * Starts watching {@code channel}, whose pipeline holds {@code handler}; {@code onClose} runs
   * before a connection is closed as idle. Call on the channel's event loop.
   */
  static void watch(
      Channel channel, Http2ConnectionHandler handler, Duration idleTimeout, Runnable onClose) {
    Http2StreamIdle idle = new Http2StreamIdle(channel, handler.connection(), idleTimeout, onClose);
    idle.idleSince = System.nanoTime();
    handler.connection().addListener(idle);
    idle.scheduleCheck(idle.idleNanos);
  }

  @Override
  public void onStreamClosed(Http2Stream stream) {
    idleSince = System.nanoTime();
  }

  private void scheduleCheck(long delayNanos) {
    if (channel.isActive()) {
      channel.eventLoop().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void check() {
    if (connection.numActiveStreams() > 0) {
      scheduleCheck(idleNanos);
      return;
    }
    long left = idleSince + idleNanos - System.nanoTime();
    if (left > 0) {
      scheduleCheck(left);
      return;
    }
    onClose.run();
    LOG.log(
        Level.DEBUG,
        "closing {0}: HTTP/2 with no open request for {1} (--idle-timeout)",
        channel.remoteAddress(),
        Duration.ofNanos(idleNanos));
    channel.close();
  }
}
