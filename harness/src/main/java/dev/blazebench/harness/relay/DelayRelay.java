package dev.blazebench.harness.relay;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay that adds a fixed one-way delay to every byte, in each direction: user-space network
 * latency for machines whose kernel has no netem, in the manner of toxiproxy's "latency" toxic. One
 * listener per target; each accepted connection is relayed to its target, and every chunk read from
 * either side is written to the other side {@link #oneWayDelay()} after it was read, in order. The
 * end of a stream (FIN or close) is delayed like data, after the bytes before it. It never looks at
 * the bytes, so gRPC (HTTP/2), HTTP/1.1 and WebSocket all pass through unchanged.
 *
 * <p>What it emulates: a fixed latency on the byte stream, each way, so a request-response round
 * trip costs at least twice the delay, and everything paced by the peer's answers waits for them:
 * HTTP/2 flow-control windows are emulated, because WINDOW_UPDATE frames are delayed like all
 * bytes. What it does not: it terminates TCP on both sides, so each side's TCP sees a loopback
 * peer; TCP slow start, congestion windows and loss over the delayed path are not emulated. It
 * holds at most {@value #BOUND_BYTES_PER_DIRECTION} bytes per direction of a connection (beyond
 * that it stops reading the sender), so one connection carries at most that much per delay: 4 MiB /
 * 20 ms, about 200 MiB/s each way.
 *
 * <pre>{@code
 * try (DelayRelay relay =
 *     DelayRelay.start("127.0.0.1", List.of(serverAddress), Duration.ofMillis(20))) {
 *   InetSocketAddress viaRelay = relay.routes().get(0).listen();
 *   ... // connect to viaRelay instead of serverAddress
 * }
 * }</pre>
 *
 * <p>A target that refuses a connection does not stop the relay: that client's connection is closed
 * and one line naming the target goes to stderr. The relay runs on two daemon threads.
 */
public final class DelayRelay implements AutoCloseable {

  /** The longest delay {@link #start} accepts. */
  public static final Duration MAX_ONE_WAY_DELAY = Duration.ofSeconds(10);

  /**
   * Bytes one direction of a connection may hold (queued for the delay, or written but not yet
   * taken by the receiver's socket) before the relay stops reading the sender.
   */
  static final long BOUND_BYTES_PER_DIRECTION = 4L << 20;

  private static final int THREADS = 2;
  private static final long CLOSE_WAIT_SECONDS = 5;

  /** A listener and the target its connections are relayed to. */
  public record Route(InetSocketAddress listen, InetSocketAddress target) {

    public Route {
      Objects.requireNonNull(listen, "listen");
      Objects.requireNonNull(target, "target");
    }
  }

  private final EventLoopGroup group;
  private final ChannelGroup openChannels =
      new DefaultChannelGroup("blazebench-relay", GlobalEventExecutor.INSTANCE);
  private final Duration oneWayDelay;
  private final List<Route> routes = new ArrayList<>();
  private final HeldBytes held = new HeldBytes();
  private final AtomicBoolean closed = new AtomicBoolean();

  private DelayRelay(EventLoopGroup group, Duration oneWayDelay) {
    this.group = group;
    this.oneWayDelay = oneWayDelay;
  }

  /**
   * One listener per target, on listenHost with an OS-chosen port.
   *
   * @param listenHost the address to listen on ({@code 127.0.0.1}, {@code 0.0.0.0})
   * @param targets where connections go, one route each, in this order
   * @param oneWayDelay the delay each direction adds, between 0 and {@link #MAX_ONE_WAY_DELAY}
   * @throws IllegalArgumentException if targets is empty or the delay is out of range
   * @throws IOException if a listener cannot be bound (nothing is left open then)
   */
  public static DelayRelay start(
      String listenHost, List<InetSocketAddress> targets, Duration oneWayDelay) throws IOException {
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(oneWayDelay, "oneWayDelay");
    if (oneWayDelay.isNegative() || oneWayDelay.compareTo(MAX_ONE_WAY_DELAY) > 0) {
      throw new IllegalArgumentException(
          "oneWayDelay must be between 0 and 10s, was " + millisText(oneWayDelay));
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("targets must name at least one address, was empty");
    }
    List<InetSocketAddress> checkedTargets = List.copyOf(targets);
    DelayRelay relay =
        new DelayRelay(
            new MultiThreadIoEventLoopGroup(
                THREADS,
                new DefaultThreadFactory("blazebench-relay", true),
                NioIoHandler.newFactory()),
            oneWayDelay);
    try {
      for (InetSocketAddress target : checkedTargets) {
        relay.listen(listenHost, target);
      }
    } catch (IOException | RuntimeException e) {
      relay.close();
      throw e;
    }
    return relay;
  }

  /** The routes, in the order of the targets given to {@link #start}. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  public Duration oneWayDelay() {
    return oneWayDelay;
  }

  /** Closes the listeners and every relayed connection, dropping what is queued. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // The group closes listeners first, so no connection is accepted behind the closing ones.
    openChannels.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    group
        .shutdownGracefully(0, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
        .awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Bytes held across all connections now, for tests of the bound. */
  long heldBytes() {
    return held.currentBytes();
  }

  /** The most bytes held at once across all connections since the start. */
  long peakHeldBytes() {
    return held.peakBytes();
  }

  /** "20 ms", "0.25 ms", "1500 ms": a delay in milliseconds, exact. */
  static String millisText(Duration duration) {
    try {
      return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + " ms";
    } catch (ArithmeticException tooLongForNanos) {
      return duration.toString();
    }
  }

  /** {@code host:port} as people write it, IPv6 in brackets, without a resolved address. */
  static String hostPort(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private void listen(String listenHost, InetSocketAddress target) throws IOException {
    long delayNanos = oneWayDelay.toNanos();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            // Nothing is read from a client before its target connection is up.
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel client) {
                    openChannels.add(client);
                    RelayedConnection.relay(
                        client, target, delayNanos, BOUND_BYTES_PER_DIRECTION, held, openChannels);
                  }
                });
    ChannelFuture bind = bootstrap.bind(listenHost, 0).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new IOException(
          "cannot listen on " + listenHost + " for " + hostPort(target) + ": " + bind.cause(),
          bind.cause());
    }
    openChannels.add(bind.channel());
    routes.add(new Route((InetSocketAddress) bind.channel().localAddress(), target));
  }
}
