package dev.blazebench.server.rest;

import dev.blazebench.server.net.ConnectionCap;
import dev.blazebench.server.net.ConnectionLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.vertx.core.impl.transports.NioTransport;
import io.vertx.core.transport.Transport;
import java.time.Duration;

/**
 * Puts the REST listener's {@link ConnectionCap} where Netty hands each accepted socket to the
 * server, before any byte is read: a connection past {@link ConnectionLimits#maxConnections()} is
 * closed at once, and an admitted one gets its {@link HeadDeadline}.
 *
 * <p>Vert.x's own connection handler hears of an HTTP/1.1 connection only once a whole request head
 * has arrived, too late for a client that sends half of one, or nothing. Vert.x offers no hook
 * there, so the gate comes in through its transport SPI ({@link #transport()}): Vert.x's NIO
 * transport, except that each server socket it makes starts its pipeline with this handler. (The
 * gRPC listener's twin is {@code dev.blazebench.server.grpc.GrpcListener}, on grpc-java's shaded
 * Netty.)
 */
@ChannelHandler.Sharable
final class AcceptGate extends ChannelInboundHandlerAdapter {

  private final ConnectionCap cap;

  /** How long an accepted connection's request heads may take; zero: no limit. */
  private final Duration headerTimeout;

  /** How long an HTTP/2 connection may have no open request; zero: no limit. */
  private final Duration idleTimeout;

  /** Counts the connections closed by either. */
  private final RestMetrics metrics;

  AcceptGate(ConnectionCap cap, ConnectionLimits limits, RestMetrics metrics) {
    this.cap = cap;
    this.headerTimeout = limits.headerTimeout();
    this.idleTimeout = limits.idleTimeout();
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
    if (!cap.admit()) {
      accepted.unsafe().closeForcibly();
      return;
    }
    accepted.closeFuture().addListener(closed -> cap.release());
    if (!headerTimeout.isZero() || !idleTimeout.isZero()) {
      // First in its pipeline, before Vert.x's handlers, which are added once it is registered.
      accepted.pipeline().addFirst(new HeadDeadline(headerTimeout, idleTimeout, metrics));
    }
    ctx.fireChannelRead(accepted);
  }
}
