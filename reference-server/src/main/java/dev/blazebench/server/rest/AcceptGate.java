package dev.blazebench.server.rest;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.vertx.core.impl.transports.NioTransport;
import io.vertx.core.transport.Transport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts ({@link RestMetrics}) the TCP connections the REST listener accepts and closes a new one
 * at once when {@link ConnectionLimits#maxConnections()} are already open, so that a client opening
 * connections without end runs into the cap instead of the process's file-descriptor limit (which
 * the store needs too). Logged once each time the cap is reached, not per refused connection.
 *
 * <p>It sits where Netty hands each accepted socket to the server, before any byte is read:
 * Vert.x's own connection handler hears of an HTTP/1.1 connection only once a whole request head
 * has arrived, too late for a client that sends half of one, or nothing. Vert.x offers no hook
 * there, so the gate comes in through its transport SPI ({@link #transport()}): Vert.x's NIO
 * transport, except that each server socket it makes starts its pipeline with this handler.
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(AcceptGate.class.getName());

  private final int max;
  private final RestMetrics metrics;

  /** Whether the cap was reached and not yet left: the log line is written on the way in. */
  private volatile boolean full;

  AcceptGate(int max, RestMetrics metrics) {
    this.max = max;
    this.metrics = metrics;
  }

  /** Vert.x's NIO transport with this gate on every server socket, for {@code Vertx.builder()}. */
  Transport transport() {
    NioTransport gated =
        new NioTransport() {
          @Override
          public ChannelFactory<? extends ServerChannel> serverChannelFactory(
              boolean domainSocket) {
            ChannelFactory<? extends ServerChannel> plain =
                super.serverChannelFactory(domainSocket);
            return () -> {
              ServerChannel channel = plain.newChannel();
              channel.pipeline().addFirst("blazebench-accept-gate", AcceptGate.this);
              return channel;
            };
          }
        };
    return new Transport() {
      @Override
      public String name() {
        return "nio-accept-gate";
      }

      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Throwable unavailabilityCause() {
        return null;
      }

      @Override
      public io.vertx.core.spi.transport.Transport implementation() {
        return gated;
      }
    };
  }

  /** A server socket's read is an accepted connection, not yet registered with an event loop. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Channel accepted = (Channel) msg;
    if (!metrics.admitConnection(max)) {
      if (!full) {
        full = true;
        LOG.log(
            Level.WARNING,
            "{0} connections open, the limit (--max-connections): closing new ones until some"
                + " close",
            Integer.toString(max));
      }
      accepted.unsafe().closeForcibly();
      return;
    }
    accepted
        .closeFuture()
        .addListener(
            closed -> {
              int now = metrics.connectionClosed();
              if (full && now < max) {
                full = false;
                LOG.info(() -> "connections below the limit (" + max + ") again: accepting");
              }
            });
    ctx.fireChannelRead(accepted);
  }
}
