package dev.blazebench.load.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * {@link WireCountingHandler} for Vert.x's (unshaded) Netty: counts the bytes of one connection at
 * the socket, first in its pipeline, before any HTTP codec, decompressor or TLS handler.
 *
 * <p>Vert.x's HTTP client, once a TCP connection is up, removes every handler but TLS's from the
 * pipeline and builds its HTTP pipeline (HttpChannelConnector.wrap). This handler therefore puts a
 * fresh copy of itself back at the head when it is removed from a connection that is still open:
 * that happens after the connect and before the first HTTP byte (the client speaks first), so no
 * byte goes uncounted, and whatever Vert.x adds afterwards is added behind it.
 */
final class VertxWireCountingHandler extends ChannelDuplexHandler {

  static final String NAME = "blazebench-wire-counter";

  private final WireCounter counter;

  VertxWireCountingHandler(WireCounter counter) {
    this.counter = counter;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (ctx.channel().isOpen() && ctx.pipeline().get(NAME) == null) {
      ctx.pipeline().addFirst(NAME, new VertxWireCountingHandler(counter));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    counter.addReceived(sizeOf(msg));
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    counter.addSent(sizeOf(msg));
    super.write(ctx, msg, promise);
  }

  private static long sizeOf(Object msg) {
    if (msg instanceof ByteBuf buf) {
      return buf.readableBytes();
    }
    if (msg instanceof ByteBufHolder holder) {
      return holder.content().readableBytes();
    }
    return 0;
  }
}
