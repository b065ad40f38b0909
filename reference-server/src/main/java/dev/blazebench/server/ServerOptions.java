package dev.blazebench.server;

import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.store.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link ReferenceServer} runs; resolved once, before it starts. {@link #defaults()} is what
 * {@code blazebench serve} runs with no flags; the {@code with...} methods give changed copies.
 *
 * @param apis the APIs to serve, at least one: gRPC ones on {@code grpcPort}, REST on {@code
 *     httpPort}
 * @param host the address to listen on; {@value #DEFAULT_HOST} by default, so a benchmark server is
 *     not exposed to the network unless asked
 * @param grpcPort the gRPC port ({@value #DEFAULT_GRPC_PORT}); 0 picks a free one ({@link
 *     ReferenceServer#grpcPort()} tells which)
 * @param httpPort the REST port ({@value #DEFAULT_HTTP_PORT}); 0 picks a free one
 * @param dataDir the store's directory, created if needed; null for a new temporary directory that
 *     is deleted when the server closes
 * @param seedRecords canonical workload records ({@link BugWorkload}) put in collection {@value
 *     #SEED_COLLECTION} when it is empty at start ({@value #DEFAULT_SEED_RECORDS}); 0 for none
 * @param workloadSeed the workload seed ({@link BugWorkload#DEFAULT_SEED}): the same seed gives the
 *     same records, ids and dates on every machine
 * @param maxMessageBytes the largest request accepted, in bytes: gRPC's inbound message limit and
 *     REST's body limit ({@value #DEFAULT_MAX_MESSAGE_BYTES}, 64 MiB); a larger request fails with
 *     RESOURCE_EXHAUSTED (HTTP 413) before it is parsed
 * @param shutdownGrace how long a graceful stop lets running calls finish before cancelling them
 *     ({@link #DEFAULT_SHUTDOWN_GRACE}, 10 s)
 * @param store the store's options ({@link StoreOptions#defaults()})
 * @param connections the idle timeout and the cap on open connections (each listener's own) ({@link
 *     ConnectionLimits#defaults()})
 */
public record ServerOptions(
    Set<ServerApi> apis,
    String host,
    int grpcPort,
    int httpPort,
    Path dataDir,
    int seedRecords,
    long workloadSeed,
    int maxMessageBytes,
    Duration shutdownGrace,
    StoreOptions store,
    ConnectionLimits connections) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_GRPC_PORT = 50051;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_SEED_RECORDS = 10_000;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** The collection the workload is seeded into and the Protobuf API serves. */
  public static final String SEED_COLLECTION = "bugs";

  public ServerOptions {
    Objects.requireNonNull(apis, "apis");
    if (apis.isEmpty()) {
      throw new IllegalArgumentException("apis must name at least one API");
    }
    apis = Collections.unmodifiableSet(EnumSet.copyOf(apis));
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    checkPort(grpcPort, "grpcPort");
    checkPort(httpPort, "httpPort");
    if (seedRecords < 0) {
      throw new IllegalArgumentException("seedRecords must not be negative, was " + seedRecords);
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be at least 1, was " + maxMessageBytes);
    }
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException(
          "shutdownGrace must not be negative, was " + shutdownGrace);
    }
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(connections, "connections");
    if (connections.requestBufferBytes() < maxMessageBytes) {
      throw new IllegalArgumentException(
          "requestBufferBytes must be at least maxMessageBytes ("
              + maxMessageBytes
              + "), or the largest request could never be held; was "
              + connections.requestBufferBytes());
    }
  }

  /**
   * Every API ({@code blaze,proto,rest}) on {@value #DEFAULT_HOST}, gRPC port {@value
   * #DEFAULT_GRPC_PORT}, HTTP port {@value #DEFAULT_HTTP_PORT}, a temporary data directory, {@value
   * #DEFAULT_SEED_RECORDS} seeded records, 64 MiB messages, 10 s shutdown grace, default store and
   * connection limits.
   */
  public static ServerOptions defaults() {
    return new ServerOptions(
        EnumSet.allOf(ServerApi.class),
        DEFAULT_HOST,
        DEFAULT_GRPC_PORT,
        DEFAULT_HTTP_PORT,
        null,
        DEFAULT_SEED_RECORDS,
        BugWorkload.DEFAULT_SEED,
        DEFAULT_MAX_MESSAGE_BYTES,
        DEFAULT_SHUTDOWN_GRACE,
        StoreOptions.defaults(),
        ConnectionLimits.defaults());
  }

  /** Whether any gRPC API is asked for. */
  public boolean servesGrpc() {
    return apis.stream().anyMatch(ServerApi::isGrpc);
  }

  public boolean serves(ServerApi api) {
    return apis.contains(api);
  }

  public ServerOptions withApis(Set<ServerApi> newApis) {
    return new ServerOptions(
        newApis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withHost(String newHost) {
    return new ServerOptions(
        apis,
        newHost,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withGrpcPort(int port) {
    return new ServerOptions(
        apis,
        host,
        port,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withHttpPort(int port) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        port,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  /** The same options with data in {@code dir} (null: a temporary directory). */
  public ServerOptions withDataDir(Path dir) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withSeedRecords(int records) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        records,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withWorkloadSeed(long seed) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        seed,
        maxMessageBytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withMaxMessageBytes(int bytes) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        bytes,
        shutdownGrace,
        store,
        connections);
  }

  public ServerOptions withShutdownGrace(Duration grace) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        grace,
        store,
        connections);
  }

  public ServerOptions withStore(StoreOptions storeOptions) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        storeOptions,
        connections);
  }

  public ServerOptions withConnections(ConnectionLimits limits) {
    return new ServerOptions(
        apis,
        host,
        grpcPort,
        httpPort,
        dataDir,
        seedRecords,
        workloadSeed,
        maxMessageBytes,
        shutdownGrace,
        store,
        limits);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
    }
  }
}
