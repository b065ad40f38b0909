package dev.blazebench.harness.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;

/**
 * One client connection accepted by a {@link DelayRelay} and its connection to the route's target,
 * joined by two {@link DelayedPipe}s. The target connection is opened on the client's event loop,
 * so both channels and both pipes are only ever touched by that one thread. Neither side is read
 * until both are connected; a target that cannot be reached closes the client and logs one line.
 */
final class RelayedConnection {

  private final Channel client;
  private final InetSocketAddress target;
  private final long delayNanos;
  private final long boundBytes;
  private final HeldBytes held;
  private Channel server;
  private DelayedPipe clientToServer;
  private DelayedPipe serverToClient;
  private int halfClosesDelivered;

  private RelayedConnection(
      Channel client, InetSocketAddress target, long delayNanos, long boundBytes, HeldBytes held) {
    this.client = client;
    this.target = target;
    this.delayNanos = delayNanos;
    this.boundBytes = boundBytes;
    this.held = held;
  }

  /**
   * Called from the accepted client's {@code initChannel}: installs the client's handler and
   * connects to {@code target}. The client channel must have auto-read off.
   */
  static void relay(
      Channel client,
      InetSocketAddress target,
      long delayNanos,
      long boundBytes,
      HeldBytes held,
      ChannelGroup openChannels) {
    RelayedConnection connection =
        new RelayedConnection(client, target, delayNanos, boundBytes, held);
    client.pipeline().addLast(connection.new Side(true));
    Bootstrap bootstrap =
        new Bootstrap()
            .group(client.eventLoop())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .handler(connection.new Side(false));
    ChannelFuture connect = bootstrap.connect(target);
    connection.server = connect.channel();
    openChannels.add(connection.server);
    connect.addListener(future -> connection.connected(future.isSuccess(), future.cause()));
  }

  private void connected(boolean success, Throwable cause) {
    if (!success) {
      if (!client.isActive()) {
        return; // the client left first, and its close cancelled the connect
      }
      System.err.println(
          "blazebench relay: cannot connect to "
              + DelayRelay.hostPort(target)
              + " for client "
              + client.remoteAddress()
              + ": "
              + cause.getMessage()
              + "; closing the client connection");
      client.close();
      return;
    }
    if (!client.isActive()) {
      server.close(); // the client left while we connected
      return;
    }
    clientToServer =
        new DelayedPipe(client, server, delayNanos, boundBytes, held, this::halfCloseDelivered);
    serverToClient =
        new DelayedPipe(server, client, delayNanos, boundBytes, held, this::halfCloseDelivered);
    client.config().setAutoRead(true);
    server.config().setAutoRead(true);
  }

  /** Both directions have ended with a FIN and delivered it: the connection is done. */
  private void halfCloseDelivered() {
    halfClosesDelivered++;
    if (halfClosesDelivered == 2) {
      client.close();
      server.close();
    }
  }

  /** The handler on one of the two channels: reads and ends go out through its outgoing pipe. */
  private final class Side extends ChannelInboundHandlerAdapter {

    private final boolean isClient;

    Side(boolean isClient) {
      this.isClient = isClient;
    }

    private DelayedPipe outgoing() {
      return isClient ? clientToServer : serverToClient;
    }

    private DelayedPipe incoming() {
      return isClient ? serverToClient : clientToServer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DelayedPipe outgoing = outgoing();
      if (outgoing == null || !(msg instanceof ByteBuf data)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      outgoing.acceptRead(data);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof ChannelInputShutdownEvent && outgoing() != null) {
        outgoing().acceptEnd(DelayedPipe.End.HALF_CLOSE);
      }
      ReferenceCountUtil.release(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (incoming() != null) {
        incoming().resumeSourceIfDrained();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (outgoing() == null) {
        // Not relaying yet (still connecting, or the target refused): nothing to deliver.
        (isClient ? server : client).close();
        return;
      }
      incoming().destinationClosed();
      outgoing().acceptEnd(DelayedPipe.End.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A reset or a failed write: this side is gone, and its close reaches the other side
      // through channelInactive, delayed like data.
      ctx.close();
    }
  }
}
