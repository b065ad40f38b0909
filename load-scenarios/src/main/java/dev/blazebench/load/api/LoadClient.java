package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.query.Query;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One BlazeDB API as the load driver calls it: one interface, one implementation per API ({@code
 * grpc-blazebinary}, {@code grpc-native}, {@code grpc-protobuf}, {@code rest-json}, {@code
 * rest-json-gzip}). Every call is asynchronous and never blocks the caller (the driver's dispatch
 * thread); its future completes only after the whole answer has been decoded into the client's own
 * representation ({@link Records}), and fails with a {@link DecodeFailure} if it does not decode.
 * Payload bytes are counted each way, wire bytes at the socket ({@link #wireCounter}).
 *
 * <p>Every call takes a {@code deadline}: unanswered by then, its future fails with a {@link
 * java.util.concurrent.TimeoutException} (within {@value CallDeadlines#SWEEP_MILLIS} ms) and the
 * call is cancelled on the wire; cancelling the future cancels the call too ({@link CallDeadlines}:
 * no per-call timer, and no {@code grpc-timeout} header).
 *
 * <pre>{@code
 * LoadClient client = Catalogue.openApi("grpc-blazebinary", Target.parse("blaze://h:50051"), 4);
 * client.awaitReady(3000);
 * client.query("bugs", query, Duration.ofSeconds(5))
 *     .thenAccept(answer -> check(answer.records().checksum()));
 * }</pre>
 */
public interface LoadClient extends AutoCloseable {

  /** The API's name in results: "grpc-blazebinary", "rest-json", ... */
  String name();

  /**
   * {@code records} in the form this client's users would hold them (BlazeRecords, Protobuf Bugs),
   * built now, outside any timed call.
   */
  PreparedRecords prepare(List<BlazeRecord> records);

  /** Inserts one record (a {@link #prepare}d list of one); the answer's ids hold its new id. */
  CompletableFuture<Answer> insert(String collection, PreparedRecords record, Duration deadline);

  /** Inserts {@code records} in one call; the answer's ids hold their ids, in order. */
  CompletableFuture<Answer> insertMany(
      String collection, PreparedRecords records, Duration deadline);

  /** The record with {@code id} (one record; a missing one fails with the API's NOT_FOUND). */
  CompletableFuture<Answer> fetch(String collection, UUID id, Duration deadline);

  /** Sets the fields of {@code changes} on record {@code id}; the answer holds it after. */
  CompletableFuture<Answer> update(
      String collection, UUID id, BlazeRecord changes, Duration deadline);

  /** Deletes record {@code id}; the answer holds nothing. */
  CompletableFuture<Answer> delete(String collection, UUID id, Duration deadline);

  /** The records {@code query} selects. */
  CompletableFuture<Answer> query(String collection, Query query, Duration deadline);

  /** The rows of aggregation {@code query}, as records of its groupBy fields and aliases. */
  CompletableFuture<Answer> aggregate(String collection, Query query, Duration deadline);

  /**
   * The records {@code query} selects, streamed in batches of {@code batchSize} (0: the server's
   * default). Each batch is decoded and added to a running count and checksum, then dropped: the
   * answer is a {@link StreamedRecords}, and the client never holds more than a batch or so.
   */
  CompletableFuture<Answer> streamQuery(
      String collection, Query query, int batchSize, Duration deadline);

  /** The failure an exception of this client's calls stands for. */
  OpOutcome classify(Throwable error);

  /** Bytes at the socket of this client's connections. */
  WireCounter wireCounter();

  /**
   * Connects every connection and waits until they are ready.
   *
   * @throws TargetUnreachableException if that takes longer than {@code timeoutMillis}
   */
  void awaitReady(long timeoutMillis) throws InterruptedException;

  @Override
  void close();

  /**
   * A decoded answer.
   *
   * @param records the records or rows it held ({@link Records#NONE} for writes)
   * @param ids the ids an insert returned, in order (empty otherwise)
   * @param requestPayloadBytes the request message's encoded size (the HTTP body for REST)
   * @param responsePayloadBytes the response messages' encoded size (the decompressed HTTP body for
   *     REST; all batches for a stream)
   */
  record Answer(
      Records records, List<UUID> ids, long requestPayloadBytes, long responsePayloadBytes) {

    public static Answer ofRecords(Records records, long requestBytes, long responseBytes) {
      return new Answer(records, List.of(), requestBytes, responseBytes);
    }

    public static Answer ofIds(List<UUID> ids, long requestBytes, long responseBytes) {
      return new Answer(Records.NONE, ids, requestBytes, responseBytes);
    }

    public static Answer empty(long requestBytes, long responseBytes) {
      return new Answer(Records.NONE, List.of(), requestBytes, responseBytes);
    }
  }
}
