package dev.blazebench.server.rest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a REST connection whose request head has not arrived whole within the header timeout
 * ({@code --header-timeout}): the first head counted from the accept, each later head on a
 * keep-alive connection from its first byte. The idle timeout is reset by every byte, so without
 * this a client that sends its heads a byte at a time (slowloris) would hold its connection, and
 * with enough of them the whole {@code --max-connections}, for as long as it likes. Waiting between
 * requests is the idle timeout's business, as in Go ({@code ReadHeaderTimeout} after {@code
 * IdleTimeout}) and nginx ({@code client_header_timeout} after {@code keepalive_timeout}). A body
 * trickled the same way is held to {@link #MIN_BODY_BYTES_PER_SECOND} on average once the header
 * timeout has passed since its head (Kestrel's {@code MinRequestBodyDataRate}, whose grace period
 * is 5 s): a real client, even over a slow link, sends far faster. ({@link Http2BodyRate} holds an
 * HTTP/2 request's body to the same rate.)
 *
 * <p>Two handlers per connection, on its event loop: this one, first in the pipeline, sees the raw
 * bytes, so it knows when a head begins (the accept, or the first byte after a request's end);
 * {@link Boundaries}, after Vert.x's HTTP/1.x decoder, sees each decoded head ({@link HttpRequest})
 * with each body's bytes, and each request's end ({@link LastHttpContent}). The first read puts
 * {@link Boundaries} just before the pipeline's last handler (Vert.x's connection), where Vert.x
 * then puts its decoder ahead of it. A connection that leaves HTTP/1.x has no decoder once it is
 * between requests (a WebSocket), or never gets a head to {@link Boundaries} (the HTTP/2 preface,
 * whose empty line the raw bytes show; an h2c upgrade, which Vert.x grants only on a connection's
 * first request): both handlers leave its pipeline. If it left for HTTP/2, {@link Http2StreamIdle}
 * then watches it for the idle timeout, which Vert.x's counts in bytes. Added by {@link AcceptGate}
 * when either timeout is set.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {

  private static final System.Logger LOG = System.getLogger(HeadDeadline.class.getName());

  /**
   * The slowest a request body may arrive, on average, once the header timeout has passed since its
   * head: ASP.NET Core Kestrel's {@code MinRequestBodyDataRate}. Far below any real client's pace;
   * a client that trickles a body is held to it.
   */
  static final long MIN_BODY_BYTES_PER_SECOND = 240;

  /** How often a body past the header timeout is checked against that rate. */
  private static final long BODY_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private enum State {
    /** The first head, timed from the accept; its empty line is looked for in the raw bytes. */
    FIRST_HEAD,
    /** A later head, timed from its first byte. */
    HEAD,
    /**
     * A head has arrived; its body has not all arrived. Held to {@link #MIN_BODY_BYTES_PER_SECOND}
     * from the header timeout on.
     */
    REQUEST,
    /** Between requests: the next byte starts a head. Not timed. */
    BETWEEN
  }

  private final Duration timeout;
  private final long timeoutNanos;
  private final Duration idleTimeout;
  private final RestMetrics metrics;
  private final Boundaries boundaries = new Boundaries();
  private ChannelHandlerContext ctx;
  private State state = State.FIRST_HEAD;
  private boolean boundariesAdded;

  /** When the head being read (if any) began, by {@link System#nanoTime()}. */
  private long headStarted;

  /** When the body being read (if any) began, and its bytes so far (decompressed). */
  private long bodyStarted;

  private long bodyBytes;

  /**
   * The check due at the deadline of the head that scheduled it, or null. Left to run when that
   * head ends, as Netty's {@code IdleStateHandler} leaves its timer: a request costs no scheduling
   * unless no check is pending, and the check finds out whether a head is still being read.
   */
  private ScheduledFuture<?> check;

  /** Whether the first head's bytes since its last LF are none or a CR: an LF now ends it. */
  private boolean lineStart;

  /**
   * A header timeout of {@code headerTimeout} (zero: none) and, should the connection become
   * HTTP/2, an idle timeout counted in open streams of {@code idleTimeout} (zero: none); each
   * connection closed by either is counted in {@code metrics}.
   */
  HeadDeadline(Duration headerTimeout, Duration idleTimeout, RestMetrics metrics) {
    this.timeout = headerTimeout;
    this.timeoutNanos = headerTimeout.toNanos();
    this.idleTimeout = idleTimeout;
    this.metrics = metrics;
  }

  /**
   * Called once the connection is registered with its event loop: the first head's clock starts.
   */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    headStarts();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean firstHeadEnds = false;
    if (state == State.FIRST_HEAD) {
      if (!boundariesAdded) {
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addBefore(pipeline.lastContext().name(), null, boundaries);
        boundariesAdded = true;
      }
      firstHeadEnds = msg instanceof ByteBuf bytes && endsHead(bytes);
    } else if (state == State.BETWEEN) {
      if (ctx.pipeline().get(HttpRequestDecoder.class) == null) {
        leave(ctx);
      } else {
        state = State.HEAD;
        headStarts();
      }
    }
    ctx.fireChannelRead(msg);
    if (firstHeadEnds && state == State.FIRST_HEAD) {
      // An empty line that Vert.x's HTTP/1.x decoder did not make a head of: the HTTP/2 preface.
      leave(ctx);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelCheck();
    ctx.fireChannelInactive();
  }

  private void headStarts() {
    headStarted = System.nanoTime();
    ensureCheck();
  }

  private void bodyStarts() {
    bodyStarted = System.nanoTime();
    bodyBytes = 0;
    ensureCheck();
  }

  private void ensureCheck() {
    if (check == null && timeoutNanos > 0) {
      scheduleCheck(timeoutNanos);
    }
  }

  private void scheduleCheck(long delayNanos) {
    check = ctx.executor().schedule(this::checkHead, delayNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The check: closes the connection if the head being read is past its deadline, or the body being
   * read has, since the header timeout, fallen below {@link #MIN_BODY_BYTES_PER_SECOND} on average
   * (unless the server has paused reading it).
   */
  private void checkHead() {
    check = null;
    long now = System.nanoTime();
    switch (state) {
      case FIRST_HEAD, HEAD -> {
        long left = headStarted + timeoutNanos - now;
        if (left > 0) {
          scheduleCheck(left); // a later head than the one that scheduled this check
        } else {
          expire("no whole request head within " + timeout);
        }
      }
      case REQUEST -> {
        long elapsed = now - bodyStarted;
        if (elapsed < timeoutNanos) {
          scheduleCheck(timeoutNanos - elapsed);
        } else if (!ctx.channel().config().isAutoRead()
            || bodyBytes >= MIN_BODY_BYTES_PER_SECOND * elapsed / 1_000_000_000L) {
          scheduleCheck(BODY_CHECK_NANOS);
        } else {
          expire(
              "request body at "
                  + bodyBytes
                  + " bytes after "
                  + Duration.ofNanos(elapsed)
                  + ", slower than "
                  + MIN_BODY_BYTES_PER_SECOND
                  + " bytes/s past "
                  + timeout);
        }
      }
      case BETWEEN -> {}
    }
  }

  private void cancelCheck() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  /**
   * The connection has left HTTP/1.x: both handlers leave its pipeline, and an HTTP/2 connection is
   * watched for idleness in its streams instead.
   */
  private void leave(ChannelHandlerContext ctx) {
    cancelCheck();
    ChannelPipeline pipeline = ctx.pipeline();
    if (boundariesAdded) {
      pipeline.remove(boundaries);
    }
    pipeline.remove(this);
    Http2ConnectionHandler http2 = pipeline.get(Http2ConnectionHandler.class);
    if (http2 != null && !idleTimeout.isZero()) {
      Http2StreamIdle.watch(ctx.channel(), http2, idleTimeout, metrics::idleHttp2Closed);
    }
  }

  /**
   * Whether {@code bytes} (not consumed) complete the empty line that ends the first head: two LFs
   * with at most a CR between them. (A head whose lines end in bare LFs ends the deadline too;
   * Vert.x then answers it 400.)
   */
  private boolean endsHead(ByteBuf bytes) {
    for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
      byte b = bytes.getByte(i);
      if (b == LF) {
        if (lineStart) {
          return true;
        }
        lineStart = true;
      } else if (b != CR) {
        lineStart = false;
      }
    }
    return false;
  }

  private void expire(String why) {
    if (state == State.REQUEST) {
      metrics.slowBodyClosed();
    } else {
      metrics.headTimedOut();
    }
    LOG.log(Level.DEBUG, "closing {0}: {1} (--header-timeout)", ctx.channel().remoteAddress(), why);
    ctx.close();
  }

  /**
   * Sees Vert.x's decoded HTTP/1.x messages on their way to its connection: where a head ends and
   * where a request ends. (A bodiless request's head and end may be one message.)
   */
  private final class Boundaries extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        state = State.REQUEST;
        bodyStarts();
      }
      if (msg instanceof HttpContent content) {
        bodyBytes += content.content().readableBytes();
      }
      if (msg instanceof LastHttpContent && state == State.REQUEST) {
        state = State.BETWEEN;
      }
      ctx.fireChannelRead(msg);
    }
  }
}
