package dev.blazebench.load.grpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.query.Query;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One BlazeDB API as the load driver calls it: asynchronous, every answer decoded in full before
 * its future completes, payload bytes counted each way. Implementations: {@link WrappedGrpcApi}
 * ({@code blazedb.v1.BlazeDBService}) and {@link NativeGrpcApi} ({@code blazedb.v1.BlazeDBNative}).
 */
public interface BlazeApi extends AutoCloseable {

  /** The API's name in results: "grpc-blazebinary", "grpc-native". */
  String name();

  /** The records {@code query} selects, decoded. */
  CompletableFuture<Answer> query(String collection, Query query, Duration deadline);

  /** Inserts {@code records}; the answer's count is the number of ids returned. */
  CompletableFuture<Answer> insertMany(
      String collection, List<BlazeRecord> records, Duration deadline);

  /** The failure an exception of this API's calls stands for. */
  OpOutcome classify(Throwable error);

  /** Bytes at the socket of this API's connections. */
  WireCounter wireCounter();

  /** Connects and waits until every connection is ready. */
  void awaitReady(long timeoutMillis) throws InterruptedException;

  @Override
  void close();

  /**
   * A decoded answer.
   *
   * @param records the decoded records (empty for inserts)
   * @param count records or ids returned
   * @param requestPayloadBytes the request message's encoded size
   * @param responsePayloadBytes the response message's encoded size
   */
  record Answer(
      List<BlazeRecord> records, int count, long requestPayloadBytes, long responsePayloadBytes) {}
}
