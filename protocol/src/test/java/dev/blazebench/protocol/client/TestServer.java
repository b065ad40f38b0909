package dev.blazebench.protocol.client;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A server with one service and a channel to it: in-process, or Netty on 127.0.0.1 where the real
 * transport matters (message size limits are enforced by the HTTP/2 deframer only).
 */
final class TestServer {

  final Server server;
  final ManagedChannel channel;

  private TestServer(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  static TestServer inProcess(ServerServiceDefinition service) throws IOException {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).addService(service).build().start();
    return new TestServer(server, InProcessChannelBuilder.forName(name).build());
  }

  static TestServer netty(ServerServiceDefinition service) throws IOException {
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(service)
            .build()
            .start();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return new TestServer(server, channel);
  }

  void close() throws InterruptedException {
    channel.shutdownNow();
    server.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
