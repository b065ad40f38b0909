package dev.blazebench.server.grpc;

import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link ReferenceServer} (Netty on 127.0.0.1, a free port, the store in a test directory,
 * no seed) serving the gRPC APIs, and a plaintext channel to it.
 */
final class RunningServer implements AutoCloseable {

  /** A small limit, so the oversized-message tests need only a few MiB. */
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  final ReferenceServer server;
  final ManagedChannel channel;

  private RunningServer(ReferenceServer server) {
    this.server = server;
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
            .usePlaintext()
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
  }

  static ServerOptions options(Path dataDir) {
    return ServerOptions.defaults()
        .withApis(EnumSet.of(ServerApi.BLAZE, ServerApi.PROTO))
        .withGrpcPort(0)
        .withDataDir(dataDir)
        .withSeedRecords(0)
        .withMaxMessageBytes(MAX_MESSAGE_BYTES)
        .withShutdownGrace(Duration.ofSeconds(2));
  }

  static RunningServer start(Path dataDir) throws IOException {
    return start(options(dataDir));
  }

  static RunningServer start(ServerOptions options) throws IOException {
    return new RunningServer(ReferenceServer.start(options));
  }

  String target() {
    return "127.0.0.1:" + server.grpcPort();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
