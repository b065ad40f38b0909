package dev.blazebench.server.grpc;

import dev.blazebench.server.net.ConnectionCap;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.IoHandlerFactory;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.ServerChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.NettyRuntime;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC listener's Netty transport, with its {@link ConnectionCap} where Netty hands each
 * accepted socket to the server, before any byte is read: a connection past the cap is closed at
 * once (as {@code dev.blazebench.server.rest.AcceptGate} does for REST).
 *
 * <p>grpc-java offers no hook at the accept short of the server channel itself ({@link
 * NettyServerBuilder#channelFactory}), and takes one only together with both event-loop groups. So
 * this class makes what grpc-java 1.85 would have used by default: epoll where Netty's native
 * transport loads (Linux), else NIO; one boss thread; one worker thread per core the JVM sees (a
 * server pinned to one CPU gets one; Netty's own default would be two per core); daemon threads;
 * stopped without a quiet period. The benchmarks' gRPC transport is the same as before, its threads
 * are only named differently ({@code blazebench-grpc-worker-...}).
 *
 * <pre>{@code
 * GrpcListener listener = GrpcListener.create(new ConnectionCap("gRPC", 10_000));
 * Server server = listener.configure(NettyServerBuilder.forPort(50051)).addService(...).build();
 * ... server.shutdown(); server.awaitTermination(); listener.close();
 * }</pre>
 */
public final class GrpcListener implements AutoCloseable {

  /** How long {@link #close()} waits for the threads to stop. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final ConnectionCap cap;
  private final boolean epoll;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Gate gate;

  private GrpcListener(ConnectionCap cap, boolean epoll) {
    this.cap = cap;
    this.epoll = epoll;
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.boss = new MultiThreadIoEventLoopGroup(1, threads("blazebench-grpc-boss"), io);
    // grpc-java's default: one worker per core (Netty's own default is two per core).
    this.workers =
        new MultiThreadIoEventLoopGroup(
            NettyRuntime.availableProcessors(), threads("blazebench-grpc-worker"), io);
    this.gate = new Gate(cap);
  }

  /** Starts the event-loop threads; {@link #close()} stops them. */
  public static GrpcListener create(ConnectionCap cap) {
    return new GrpcListener(cap, Epoll.isAvailable());
  }

  /** Has {@code builder} listen through this transport; returns it. */
  public NettyServerBuilder configure(NettyServerBuilder builder) {
    return builder
        .channelFactory(this::newServerChannel)
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers);
  }

  /** The listener's connection count. */
  public ConnectionCap connections() {
    return cap;
  }

  private ServerChannel newServerChannel() {
    ServerChannel channel = epoll ? new EpollServerSocketChannel() : new NioServerSocketChannel();
    channel.pipeline().addFirst("blazebench-accept-gate", gate);
    return channel;
  }

  /**
   * Stops the event-loop threads, once the server using them has terminated (grpc-java leaves
   * groups it was given running).
   */
  @Override
  public void close() {
    boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    boss.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    workers.terminationFuture().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static DefaultThreadFactory threads(String name) {
    // Netty's factory, as grpc-java's own, for FastThreadLocal on the event loops.
    return new DefaultThreadFactory(name, /* daemon= */ true);
  }

  /** A server socket's read is an accepted connection, not yet registered with an event loop. */
  @ChannelHandler.Sharable
  private static final class Gate extends ChannelInboundHandlerAdapter {

    private final ConnectionCap cap;

    Gate(ConnectionCap cap) {
      this.cap = cap;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel accepted = (Channel) msg;
      if (!cap.admit()) {
        accepted.unsafe().closeForcibly();
        return;
      }
      accepted.closeFuture().addListener(closed -> cap.release());
      ctx.fireChannelRead(accepted);
    }
  }
}
