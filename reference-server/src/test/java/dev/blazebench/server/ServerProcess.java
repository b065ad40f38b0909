package dev.blazebench.server;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * A reference server in a process of its own, for {@link ServerKillTest}: serves the gRPC APIs on
 * 127.0.0.1 and a free port from the store in {@code args[0]}, prints {@code ready grpc=HOST:PORT}
 * on stdout once it listens, and runs until killed (SIGTERM stops it gracefully).
 */
public final class ServerProcess {

  private ServerProcess() {}

  public static void main(String[] args) throws Exception {
    ServerOptions options =
        ServerOptions.defaults()
            .withApis(EnumSet.of(ServerApi.BLAZE, ServerApi.PROTO))
            .withGrpcPort(0)
            .withDataDir(Path.of(args[0]))
            .withSeedRecords(0);
    ReferenceServer server = ReferenceServer.start(options);
    server.installShutdownHook();
    System.out.println("ready " + server.listeners());
    System.out.flush();
    server.awaitTermination();
  }
}
