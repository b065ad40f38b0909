package dev.blazebench.server.rest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a REST connection whose first request head has not arrived whole within the header timeout
 * ({@code --header-timeout}) of its accept: the idle timeout is reset by every byte, so without
 * this a client that sends its head a byte at a time (slowloris) would hold its connection, and
 * with enough of them the whole {@code --max-connections}, for as long as it likes.
 *
 * <p>It watches the raw bytes, before Vert.x parses them, for the empty line that ends a head (CR
 * LF CR LF, or bare LFs; the HTTP/2 preface has one too) and then leaves the pipeline, costing
 * nothing more. So only the first head of a connection is timed: between keep-alive requests, and
 * for later heads, the idle timeout applies (Go times every head; Vert.x offers no hook per
 * request). One per connection, added by {@link AcceptGate}.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {

  private static final System.Logger LOG = System.getLogger(HeadDeadline.class.getName());

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final Duration timeout;
  private final Runnable onExpiry;
  private ScheduledFuture<?> timer;

  /** Whether the bytes since the last LF are none or a CR: an LF now ends the head. */
  private boolean lineStart;

  /** {@code onExpiry} runs, on the connection's event loop, before a connection is closed. */
  HeadDeadline(Duration timeout, Runnable onExpiry) {
    this.timeout = timeout;
    this.onExpiry = onExpiry;
  }

  /** Called once the connection is registered with its event loop: the clock starts. */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes && endsHead(bytes)) {
      timer.cancel(false);
      ctx.pipeline().remove(this);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    timer.cancel(false);
    ctx.fireChannelInactive();
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

  private void expire(ChannelHandlerContext ctx) {
    onExpiry.run();
    LOG.log(
        Level.DEBUG,
        "closing {0}: no whole request head within {1} (--header-timeout)",
        ctx.channel().remoteAddress(),
        timeout);
    ctx.close();
  }
}
