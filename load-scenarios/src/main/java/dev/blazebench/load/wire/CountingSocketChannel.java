package dev.blazebench.load.wire;

import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A Netty NIO socket channel whose pipeline starts with a byte counter, for gRPC channels built
 * with {@code NettyChannelBuilder.channelFactory(() -> new CountingSocketChannel(counter))}: the
 * handler is in place before gRPC adds its own, and stays first whatever they add after.
 */
public final class CountingSocketChannel extends NioSocketChannel {

  public CountingSocketChannel(WireCounter counter) {
    pipeline().addFirst("blazebench-wire-counter", new WireCountingHandler(counter));
  }
}
