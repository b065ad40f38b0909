package dev.blazebench.server.contract;

import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.rest.RestOptions;
import dev.blazebench.server.rest.RestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Every API of the reference server on 127.0.0.1, free ports, over one fresh store: the gRPC APIs
 * through {@link ReferenceServer}, REST through {@link RestServer} on the same {@link
 * BlazeDatabase}. Nothing is seeded; requests are limited to {@code maxMessageBytes} on every API.
 */
final class ContractServers implements AutoCloseable {

  private final ReferenceServer grpc;
  private final RestServer rest;

  private ContractServers(ReferenceServer grpc, RestServer rest) {
    this.grpc = grpc;
    this.rest = rest;
  }

  static ContractServers start(Path dataDir, int maxMessageBytes) {
    ReferenceServer grpc;
    try {
      grpc =
          ReferenceServer.start(
              ServerOptions.defaults()
                  .withApis(EnumSet.of(ServerApi.BLAZE, ServerApi.PROTO))
                  .withGrpcPort(0)
                  .withDataDir(dataDir)
                  .withSeedRecords(0)
                  .withMaxMessageBytes(maxMessageBytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      // ReferenceServer starts this same RestServer (same options) once it serves --api rest;
      // starting it here keeps the suite independent of that wiring.
      RestServer rest =
          RestServer.start(
              grpc.database(),
              RestOptions.defaults().withPort(0).withMaxBodyBytes(maxMessageBytes));
      return new ContractServers(grpc, rest);
    } catch (RuntimeException e) {
      grpc.close();
      throw e;
    }
  }

  /** The database every API serves, for setting up data and checking it without an API. */
  BlazeDatabase database() {
    return grpc.database();
  }

  /** {@code 127.0.0.1:port} of the gRPC listener. */
  String grpcTarget() {
    return "127.0.0.1:" + grpc.grpcPort();
  }

  /** {@code http://127.0.0.1:port} of the REST listener. */
  URI httpUri() {
    return URI.create("http://127.0.0.1:" + rest.actualPort());
  }

  @Override
  public void close() {
    try {
      rest.close();
    } finally {
      grpc.close();
    }
  }
}
