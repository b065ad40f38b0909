package dev.blazebench.load.grpc;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import java.util.ArrayList;
import java.util.List;

/**
 * What the three gRPC clients share: calls go out on their {@link GrpcConnections} in turn (with
 * the reference server's native headers where the client sends them), a failed call is classified
 * by its gRPC status, and readiness, socket bytes and closing are the connections'.
 */
abstract sealed class GrpcLoadClient implements LoadClient
    permits NativeGrpcApi, ProtobufGrpcApi, WrappedGrpcApi {

  final GrpcConnections connections;
  private final List<Channel> channels;
  private int next;

  /**
   * @param nativeHeaders whether calls carry the reference server's optional headers (the
   *     collection, from a call option: {@link NativeHeaders#clientInterceptor()})
   */
  GrpcLoadClient(GrpcConnections connections, boolean nativeHeaders) {
    this.connections = connections;
    List<Channel> list = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      Channel channel = connections.next();
      list.add(
          nativeHeaders
              ? ClientInterceptors.intercept(channel, NativeHeaders.clientInterceptor())
              : channel);
    }
    this.channels = List.copyOf(list);
  }

  /** The connection the next call goes out on, round robin. */
  final Channel nextChannel() {
    // Called from several threads (closed-model iterations start where the previous ended): a race
    // only makes two calls share a connection, never an index out of range.
    int i = next;
    next = (i + 1) % channels.size();
    return channels.get(i);
  }

  @Override
  public final OpOutcome classify(Throwable error) {
    return GrpcFailures.classify(error);
  }

  @Override
  public final WireCounter wireCounter() {
    return connections.wireCounter();
  }

  @Override
  public final void awaitReady(long timeoutMillis) throws InterruptedException {
    connections.awaitReady(timeoutMillis);
  }

  @Override
  public final void close() {
    connections.close();
  }
}
