package dev.blazebench.load.wire;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.ByteBufHolder;
import io.grpc.netty.shaded.io.netty.channel.ChannelDuplexHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelPromise;

/**
 * Counts the bytes of one connection into a {@link WireCounter}. It sits first in the channel's
 * pipeline, next to the socket, so it sees exactly the bytes read from and written to the TCP
 * connection: HTTP/2 frames with their headers, pings and settings, TLS records if any.
 */
final class WireCountingHandler extends ChannelDuplexHandler {

  private final WireCounter counter;

  WireCountingHandler(WireCounter counter) {
    this.counter = counter;
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
