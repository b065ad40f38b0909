package dev.blazebench.load.wire;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.transport.Transport;
import java.util.concurrent.ThreadFactory;

/**
 * Vert.x's NIO transport, except that every client socket it makes starts its pipeline with a byte
 * counter ({@link VertxWireCountingHandler}), so the REST client's bytes are counted at the socket
 * exactly as the gRPC clients' are ({@link CountingSocketChannel}).
 *
 * <p>Why not Vert.x's metrics SPI ({@code NetworkMetrics.bytesRead}): for HTTP connections Vert.x
 * reports the sizes of decoded HTTP objects, after the codec and the decompressor, so headers and
 * chunk framing are missing and a gzip body is counted uncompressed. A handler at the head of the
 * pipeline sees what the TCP connection carried.
 *
 * <pre>{@code
 * Vertx vertx = Vertx.builder().withTransport(new CountingVertxTransport(counter)).build();
 * }</pre>
 */
public final class CountingVertxTransport implements Transport {

  private final Counting implementation;

  public CountingVertxTransport(WireCounter counter) {
    this.implementation = new Counting(Transport.NIO.implementation(), counter);
  }

  @Override
  public String name() {
    return "nio-counting";
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
    return implementation;
  }

  /** The NIO transport with counting client channels; everything else delegated. */
  private static final class Counting implements io.vertx.core.spi.transport.Transport {

    private final io.vertx.core.spi.transport.Transport nio;
    private final WireCounter counter;

    Counting(io.vertx.core.spi.transport.Transport nio, WireCounter counter) {
      this.nio = nio;
      this.counter = counter;
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
      ChannelFactory<? extends Channel> plain = nio.channelFactory(domainSocket);
      return () -> {
        Channel channel = plain.newChannel();
        channel
            .pipeline()
            .addFirst(VertxWireCountingHandler.NAME, new VertxWireCountingHandler(counter));
        return channel;
      };
    }

    @Override
    public boolean supportsDomainSockets() {
      return nio.supportsDomainSockets();
    }

    @Override
    public boolean supportFileRegion() {
      return nio.supportFileRegion();
    }

    @Override
    public boolean isAvailable() {
      return nio.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
      return nio.unavailabilityCause();
    }

    @Override
    public java.net.SocketAddress convert(SocketAddress address) {
      return nio.convert(address);
    }

    @Override
    public SocketAddress convert(java.net.SocketAddress address) {
      return nio.convert(address);
    }

    @Override
    public IoHandlerFactory ioHandlerFactory() {
      return nio.ioHandlerFactory();
    }

    @Override
    public EventLoopGroup eventLoopGroup(
        int type, int threads, ThreadFactory threadFactory, int ioRatio) {
      return nio.eventLoopGroup(type, threads, threadFactory, ioRatio);
    }

    @Override
    public DatagramChannel datagramChannel() {
      return nio.datagramChannel();
    }

    @Override
    @SuppressWarnings("deprecation") // the SPI's own signature; Netty 4.2 deprecates the type
    public DatagramChannel datagramChannel(io.netty.channel.socket.InternetProtocolFamily family) {
      return nio.datagramChannel(family);
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
      return nio.serverChannelFactory(domainSocket);
    }

    @Override
    public void configure(DatagramChannel channel, DatagramSocketOptions options) {
      nio.configure(channel, options);
    }

    @Override
    public void configure(
        ClientOptionsBase options, int connectTimeout, boolean domainSocket, Bootstrap bootstrap) {
      nio.configure(options, connectTimeout, domainSocket, bootstrap);
    }

    @Override
    public void configure(
        NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
      nio.configure(options, domainSocket, bootstrap);
    }
  }
}
