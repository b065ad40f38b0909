package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.Query;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A BlazeDB client over gRPC, returning codec records: the seed's {@code BlazeGRPCClient}. Two
 * implementations share it: {@link BlazeGrpcClient} ({@code blazedb.v1.BlazeDBService}, protobuf
 * messages with BlazeBinary payloads) and {@link BlazeNativeClient} ({@code
 * blazedb.v1.BlazeDBNative}, messages that are BlazeBinary).
 *
 * <p>Every call has a deadline (the client's default unless changed with {@link #withDeadline}) and
 * fails with a {@link BlazeClientException} whose {@link BlazeClientException#kind() kind} tells
 * what went wrong. Responses are decoded fully before a call returns.
 *
 * <pre>{@code
 * try (BlazeClient client = BlazeGrpcClient.forTarget("127.0.0.1:50051")) {
 *   UUID id = client.insert("bugs", bug);
 *   BlazeRecord stored = client.fetch("bugs", id);
 *   List<BlazeRecord> open = client.query("bugs",
 *       Query.builder().whereEquals("status", BlazeValue.string("open")).limit(100).build());
 * }
 * }</pre>
 */
public interface BlazeClient extends AutoCloseable {

  /** Inserts {@code record}; returns the id the server gave it. */
  UUID insert(String collection, BlazeRecord record);

  /** Inserts {@code record}; returns it as stored (with the server's id and createdAt). */
  BlazeRecord insertReturningRecord(String collection, BlazeRecord record);

  /** Inserts {@code records} in one call; returns their ids, in order. */
  List<UUID> insertMany(String collection, List<BlazeRecord> records);

  /** Inserts {@code records} in one call; returns them as stored, in order. */
  List<BlazeRecord> insertManyReturningRecords(String collection, List<BlazeRecord> records);

  /** The record with {@code id}; {@link BlazeClientException.Kind#NOT_FOUND} if none. */
  BlazeRecord fetch(String collection, UUID id);

  /**
   * Merges {@code changes} into the record {@code id} (a null value removes a field); returns the
   * record after the update.
   */
  BlazeRecord update(String collection, UUID id, BlazeRecord changes);

  /** Deletes the record {@code id}; {@link BlazeClientException.Kind#NOT_FOUND} if none. */
  void delete(String collection, UUID id);

  /** The records {@code query} selects (it must not group or aggregate). */
  List<BlazeRecord> query(String collection, Query query);

  /** The rows of an aggregation: per group, each groupBy field and each aggregate's alias. */
  List<BlazeRecord> aggregate(String collection, Query query);

  /**
   * Streams the records {@code query} selects in batches of at most {@code batchSize} (0 for the
   * server's default). Close the stream to cancel the call early.
   */
  BatchStream streamQuery(String collection, Query query, int batchSize);

  /** Streams the query into {@code onBatch}; returns the number of records received. */
  default long streamQuery(
      String collection, Query query, int batchSize, Consumer<List<BlazeRecord>> onBatch) {
    long records = 0;
    try (BatchStream batches = streamQuery(collection, query, batchSize)) {
      while (batches.hasNext()) {
        List<BlazeRecord> batch = batches.next();
        records += batch.size();
        onBatch.accept(batch);
      }
    }
    return records;
  }

  /**
   * A client on the same connection whose calls have {@code deadline} (null: none). Closing the
   * view does not close the connection.
   */
  BlazeClient withDeadline(Duration deadline);

  /** Closes the channel if this client created it; a caller's channel is left open. */
  @Override
  void close();
}
