package dev.blazebench.load.realtime;

import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.wire.CountingSocketChannel;
import dev.blazebench.load.wire.WireCounter;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC channels of the streaming clients (Subscribe and Sync): how one is built, and waiting
 * for one to connect.
 */
final class StreamChannels {

  /** Largest message a stream accepts: a resync batch can be large. */
  static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

  private StreamChannels() {}

  /**
   * A plaintext channel to {@code host:port} on {@code eventLoops} whose socket counts its bytes in
   * {@code wireCounter}; messages are decoded on the I/O thread that read them, as the clients do.
   */
  static ManagedChannel newChannel(
      String host, int port, EventLoopGroup eventLoops, WireCounter wireCounter) {
    return NettyChannelBuilder.forAddress(new InetSocketAddress(host, port))
        .eventLoopGroup(eventLoops)
        .channelFactory(() -> new CountingSocketChannel(wireCounter), InetSocketAddress.class)
        .usePlaintext()
        .directExecutor()
        .disableRetry()
        .maxInboundMessageSize(MAX_INBOUND_BYTES)
        .build();
  }

  /**
   * Returns once {@code channel} is READY.
   *
   * @throws TargetUnreachableException naming {@code host:port} and the last state, if it is not
   *     within {@code timeoutMillis}
   */
  static void awaitReady(ManagedChannel channel, String host, int port, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    ConnectivityState state;
    while ((state = channel.getState(true)) != ConnectivityState.READY) {
      if (System.nanoTime() - deadline >= 0) {
        throw new TargetUnreachableException(
            "cannot connect to "
                + host
                + ":"
                + port
                + " within "
                + timeoutMillis
                + " ms (connection state "
                + state
                + "): is the server's gRPC port there?");
      }
      Thread.sleep(10);
    }
  }
}
