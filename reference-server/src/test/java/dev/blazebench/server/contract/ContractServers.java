package dev.blazebench.server.contract;

import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.core.BlazeDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A {@link ReferenceServer} serving every API (gRPC BlazeBinary and Protobuf on one port, REST on
 * another) on 127.0.0.1, free ports, over one fresh store: what {@code blazebench serve} runs.
 * Nothing is seeded; requests are limited to {@code maxMessageBytes} on every API.
 */
final class ContractServers implements AutoCloseable {

  private final ReferenceServer server;

  private ContractServers(ReferenceServer server) {
    this.server = server;
  }

  static ContractServers start(Path dataDir, int maxMessageBytes) {
    try {
      return new ContractServers(
          ReferenceServer.start(
              ServerOptions.defaults()
                  .withGrpcPort(0)
                  .withHttpPort(0)
                  .withDataDir(dataDir)
                  .withSeedRecords(0)
                  .withMaxMessageBytes(maxMessageBytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database every API serves, for setting up data and checking it without an API. */
  BlazeDatabase database() {
    return server.database();
  }

  /** Inserts the workload's first {@code count} bugs (default seed) into {@code collection}. */
  void seedBugs(String collection, int count) {
    server.database().insertMany(collection, BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, count));
  }

  /** {@code 127.0.0.1:port} of the gRPC listener. */
  String grpcTarget() {
    return "127.0.0.1:" + server.grpcPort();
  }

  /** {@code http://127.0.0.1:port} of the REST listener. */
  URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.httpPort());
  }

  @Override
  public void close() {
    server.close();
  }
}
