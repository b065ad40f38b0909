package dev.blazebench.load.grpc;

import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.wire.CountingSocketChannel;
import dev.blazebench.load.wire.WireCounter;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of plaintext gRPC connections to one server, used round-robin, with every byte
 * they carry counted at the socket ({@link WireCounter}). One gRPC {@link ManagedChannel} per
 * connection: grpc-java multiplexes a channel's calls over one HTTP/2 connection, so N channels are
 * N TCP connections, as {@code --connections N} promises.
 */
public final class GrpcConnections implements AutoCloseable {

  private final List<ManagedChannel> channels = new ArrayList<>();
  private final EventLoopGroup eventLoops;
  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final CallDeadlines deadlines = new CallDeadlines("grpc");
  private final AtomicInteger next = new AtomicInteger();
  private final String host;
  private final int port;

  /**
   * Opens {@code connections} channels to {@code host:port} (lazily: TCP connects on the first call
   * or {@link #awaitReady}).
   *
   * @param maxInboundMessageBytes the largest response accepted
   */
  public GrpcConnections(String host, int port, int connections, int maxInboundMessageBytes) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, was " + connections);
    }
    this.host = host;
    this.port = port;
    // One I/O thread per connection at most, and no more than the machine's cores.
    int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
    eventLoops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    for (int i = 0; i < connections; i++) {
      channels.add(
          NettyChannelBuilder.forAddress(new InetSocketAddress(host, port))
              .eventLoopGroup(eventLoops)
              .channelFactory(() -> new CountingSocketChannel(wireCounter), InetSocketAddress.class)
              .usePlaintext()
              // Answers are decoded and recorded right on the I/O thread that read them: the
              // callbacks never block, and a hop to another thread per call costs the injector
              // CPU that the server would otherwise have (they share the machine in most runs).
              .directExecutor()
              // No transparent retries: a call the server failed must count as failed, once, and
              // the retry machinery costs time on every call.
              .disableRetry()
              .maxInboundMessageSize(maxInboundMessageBytes)
              .build());
    }
  }

  /** The next connection, round-robin. */
  public ManagedChannel next() {
    return channels.get(Math.floorMod(next.getAndIncrement(), channels.size()));
  }

  /** How many connections. */
  public int size() {
    return channels.size();
  }

  /** The deadlines of calls on these connections. */
  public CallDeadlines deadlines() {
    return deadlines;
  }

  public WireCounter wireCounter() {
    return wireCounter;
  }

  /** "host:port". */
  public String target() {
    return host + ":" + port;
  }

  /**
   * Connects every channel and waits until all are ready, or fails naming why.
   *
   * @throws TargetUnreachableException if a channel is not ready within {@code timeoutMillis}
   */
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (ManagedChannel channel : channels) {
      while (true) {
        ConnectivityState state = channel.getState(true);
        if (state == ConnectivityState.READY) {
          break;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new TargetUnreachableException(
              "cannot connect to "
                  + target()
                  + " within "
                  + timeoutMillis
                  + " ms (connection state "
                  + state
                  + "): is the server running there?");
        }
        Object signal = new Object();
        synchronized (signal) {
          channel.notifyWhenStateChanged(
              state,
              () -> {
                synchronized (signal) {
                  signal.notifyAll();
                }
              });
          signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(remaining, 100_000_000))));
        }
      }
    }
  }

  @Override
  public void close() {
    deadlines.close();
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    try {
      for (ManagedChannel channel : channels) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }
}
