package dev.blazebench.server.rest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Resets an HTTP/2 request whose body, once the header timeout has passed since its headers, has
 * arrived slower than {@link HeadDeadline#MIN_BODY_BYTES_PER_SECOND} on average, or not at all: the
 * HTTP/2 half of the rule {@link HeadDeadline} applies to HTTP/1.1 bodies. Without it, a stream
 * left open (its body a byte now and then, or nothing while PINGs reset Vert.x's idle timeout) held
 * its connection, and the request buffer's reservation for the largest body, for as long as the
 * client liked; {@link Http2StreamIdle} spares a connection with a request open.
 *
 * <p>Only the stream is reset (RST_STREAM CANCEL, as Go's HTTP/2 server resets a stream whose read
 * deadline has passed): the connection's other requests go on, and once none is open the idle
 * timeout closes it. The check is a timer on the request's event loop, armed on the loop's next
 * turn and only if the request has not ended by then, and cancelled when its answer ends: a timer
 * for every request cost h2load's {@code /health} a fifth to two fifths of its rate.
 */
final class Http2BodyRate {

  private static final System.Logger LOG = System.getLogger(Http2BodyRate.class.getName());

  /** HTTP/2's CANCEL error code (RFC 9113 §7). */
  private static final long CANCEL = 0x8;

  /** How often a body past the grace period is checked against the rate. */
  private static final long CHECK_MILLIS = 1000;

  private final Duration grace;
  private final RestMetrics metrics;

  /**
   * Bodies held to the rate from {@code headerTimeout} after their headers (zero: never), each
   * reset counted in {@code metrics}.
   */
  Http2BodyRate(Duration headerTimeout, RestMetrics metrics) {
    this.grace = headerTimeout;
    this.metrics = metrics;
  }

  /** A route handler: watches an HTTP/2 request's body, then passes the request on. */
  void watch(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (!grace.isZero() && request.version() == HttpVersion.HTTP_2) {
      // Vert.x reads the END_STREAM of a request's HEADERS frame after routing it: most requests
      // (a GET, a small POST whose DATA came in the same read) have ended by the loop's next turn,
      // and need no check.
      Vertx vertx = context.vertx();
      long started = System.nanoTime();
      vertx.runOnContext(
          turn -> {
            if (!request.isEnded() && !request.response().closed()) {
              Watch watch = new Watch(vertx, request, started);
              watch.schedule(Math.max(1, grace.toMillis()));
              context.addEndHandler(ended -> watch.cancel());
            }
          });
    }
    context.next();
  }

  /** One request's check: when its body's time is up, and how much of it has come. */
  private final class Watch {

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final long started;
    private long timer = -1;

    Watch(Vertx vertx, HttpServerRequest request, long started) {
      this.vertx = vertx;
      this.request = request;
      this.started = started;
    }

    void schedule(long delayMillis) {
      timer = vertx.setTimer(delayMillis, id -> check());
    }

    void cancel() {
      vertx.cancelTimer(timer);
    }

    private void check() {
      if (request.isEnded() || request.response().closed()) {
        return; // the body has all come, or the stream is gone
      }
      long elapsed = System.nanoTime() - started;
      long bytes = request.bytesRead();
      if (bytes >= HeadDeadline.MIN_BODY_BYTES_PER_SECOND * elapsed / TimeUnit.SECONDS.toNanos(1)) {
        schedule(CHECK_MILLIS);
        return;
      }
      metrics.slowBodyClosed();
      LOG.log(
          Level.DEBUG,
          "resetting HTTP/2 stream {0} of {1}: request body at {2} bytes after {3}, slower than {4}"
              + " bytes/s past {5} (--header-timeout)",
          request.streamId(),
          request.remoteAddress(),
          bytes,
          Duration.ofNanos(elapsed),
          HeadDeadline.MIN_BODY_BYTES_PER_SECOND,
          grace);
      request.response().reset(CANCEL);
    }
  }
}
