package dev.blazebench.server.rest;

import dev.blazebench.server.net.ConnectionLimits;
import java.util.Objects;

/**
 * How a {@link RestServer} runs; resolved once, before it starts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default: benchmarks and tests never
 *     expose the server)
 * @param port the TCP port; 0 picks a free one ({@link RestServer#actualPort()} tells which)
 * @param maxBodyBytes the largest request body accepted; a larger one is answered 413 {@code
 *     RESOURCE_EXHAUSTED} before it is parsed (the REST twin of gRPC's {@code
 *     maxInboundMessageSize})
 * @param compression gzip/deflate responses when the client's {@code Accept-Encoding} asks for it
 * @param eventLoops Vert.x event-loop threads, each with its own HTTP server on the shared port
 *     (HTTP framing and compression run there)
 * @param workerThreads threads that run store calls, JSON parsing and encoding off the event loop;
 *     writes wait there for their group commit, so this bounds concurrent writes in flight
 * @param streamBatchRecords records read from the database per step of a streamed query when the
 *     client does not give {@code batchSize}
 * @param connections the idle timeout and the cap on open connections
 */
public record RestOptions(
    String host,
    int port,
    int maxBodyBytes,
    boolean compression,
    int eventLoops,
    int workerThreads,
    int streamBatchRecords,
    ConnectionLimits connections) {

  /** Default body limit: 16 MiB, the store's largest record (and gRPC adapters' inbound limit). */
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Default records per streamed batch: 1000, as the gRPC StreamQuery default. */
  public static final int DEFAULT_STREAM_BATCH_RECORDS = 1000;

  /** Default worker threads: 64, enough concurrent writes to fill a group commit. */
  public static final int DEFAULT_WORKER_THREADS = 64;

  public RestOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(eventLoops, "eventLoops");
    requirePositive(workerThreads, "workerThreads");
    requirePositive(streamBatchRecords, "streamBatchRecords");
    Objects.requireNonNull(connections, "connections");
    if (connections.requestBufferBytes() < maxBodyBytes) {
      throw new IllegalArgumentException(
          "requestBufferBytes must be at least maxBodyBytes ("
              + maxBodyBytes
              + "), or the largest body could never be held; was "
              + connections.requestBufferBytes());
    }
  }

  /**
   * 127.0.0.1, any free port, 16 MiB bodies, compression on, one event loop per core, 64 workers,
   * 1000-record stream batches, {@link ConnectionLimits#defaults()}.
   */
  public static RestOptions defaults() {
    return new RestOptions(
        "127.0.0.1",
        0,
        DEFAULT_MAX_BODY_BYTES,
        true,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_WORKER_THREADS,
        DEFAULT_STREAM_BATCH_RECORDS,
        ConnectionLimits.defaults());
  }

  public RestOptions withHost(String host) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withPort(int port) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withMaxBodyBytes(int maxBodyBytes) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withCompression(boolean compression) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withEventLoops(int eventLoops) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withWorkerThreads(int workerThreads) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withStreamBatchRecords(int streamBatchRecords) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  public RestOptions withConnections(ConnectionLimits connections) {
    return new RestOptions(
        host,
        port,
        maxBodyBytes,
        compression,
        eventLoops,
        workerThreads,
        streamBatchRecords,
        connections);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
