package dev.blazebench.server.core;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.server.feed.ChangeFeed;
import dev.blazebench.server.query.QueryEngine;
import dev.blazebench.server.store.BlazeStore;
import dev.blazebench.server.store.ChangesResult;
import dev.blazebench.server.store.RecordNotFoundException;
import dev.blazebench.server.store.SequenceRange;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one door every API adapter (gRPC BlazeBinary wrapped and native, gRPC Protobuf, REST/JSON)
 * goes through to the data: a {@link BlazeStore} and a {@link QueryEngine}, with the same semantics
 * for every API. Adapters only decode their request, call one method here, and encode the answer;
 * none of them holds data of its own (no cache), so every API does the same work between its codec
 * and the store.
 *
 * <p>Failures are the store's and the query model's typed exceptions ({@link
 * RecordNotFoundException}, {@code DuplicateRecordException}, {@code InvalidRecordException},
 * {@code InvalidCollectionNameException}, {@code StoreClosedException}, {@link
 * InvalidQueryException}); {@link ApiErrors#classify} turns any of them into the neutral {@link
 * ApiError} that each adapter maps to its own status (gRPC status, HTTP status) the same way.
 *
 * <p>Thread-safe. It does not own the store: whoever opened the store closes it.
 *
 * <pre>{@code
 * BlazeDatabase db = new BlazeDatabase(store);
 * BlazeRecord stored = db.insert("bugs", bug);
 * try (RecordBatches batches = db.stream("bugs", Query.all(), 1000)) {
 *   while (batches.hasNext()) {
 *     send(batches.next());   // at most 1000 records held here at a time
 *   }
 * }
 * }</pre>
 */
public final class BlazeDatabase {

  private final BlazeStore store;
  private final QueryEngine engine;
  private final Object feedLock = new Object();
  private ChangeFeed feed; // guarded by feedLock; made on first subscription

  public BlazeDatabase(BlazeStore store) {
    this(store, new QueryEngine());
  }

  public BlazeDatabase(BlazeStore store, QueryEngine engine) {
    this.store = Objects.requireNonNull(store, "store");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** The store underneath (for counts, collection lists, seeding). */
  public BlazeStore store() {
    return store;
  }

  /**
   * Inserts one record; returns it as stored, with the server's {@code id} and {@code createdAt}.
   */
  public BlazeRecord insert(String collection, BlazeRecord record) {
    return store.insert(collection, record);
  }

  /** Inserts all of {@code records} or none; returns them as stored, in order. */
  public List<BlazeRecord> insertMany(String collection, List<BlazeRecord> records) {
    return store.insertMany(collection, records);
  }

  /**
   * Applies a sync client's operations to {@code collection}, all or none, in one write ({@link
   * BlazeStore#applyOperations}); {@code beforeCommit} sees their sequences before any subscriber
   * does.
   */
  public SequenceRange applyOperations(
      String collection, List<BlazeOperation> operations, Consumer<SequenceRange> beforeCommit) {
    return store.applyOperations(collection, operations, beforeCommit);
  }

  /**
   * The record with {@code id}.
   *
   * @throws RecordNotFoundException when there is none (or it is soft-deleted)
   */
  public BlazeRecord fetch(String collection, UUID id) {
    return store
        .fetch(collection, id)
        .orElseThrow(() -> new RecordNotFoundException(collection, id));
  }

  /**
   * Merges {@code changes} into record {@code id} (a null value removes the field); returns the
   * record after the update.
   *
   * @throws RecordNotFoundException when there is no such record
   */
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    return store.update(collection, id, changes);
  }

  /**
   * Deletes record {@code id}.
   *
   * @throws RecordNotFoundException when there is no such record
   */
  public void delete(String collection, UUID id) {
    if (!store.delete(collection, id)) {
      throw new RecordNotFoundException(collection, id);
    }
  }

  /**
   * The records {@code query} selects, in order, all in one list.
   *
   * @throws InvalidQueryException when the query groups or aggregates (that is {@link #aggregate})
   */
  public List<BlazeRecord> query(String collection, Query query) {
    return engine.execute(query, store.source(collection));
  }

  /**
   * The rows of an aggregation query: per group, each groupBy field and each aggregate alias.
   *
   * @throws InvalidQueryException when the query neither groups nor aggregates
   */
  public List<BlazeRecord> aggregate(String collection, Query query) {
    return engine.aggregate(query, store.source(collection));
  }

  /**
   * The records {@code query} selects, in batches of at most {@code batchSize}, read as the caller
   * asks for them. The query is checked now, so an invalid one fails here, before a response is
   * started. Memory stays bounded by one batch plus what the engine needs for the query's shape
   * (nothing for an unsorted query, {@code offset + limit} records for a sorted one with a limit; a
   * sort without a limit holds the matching records — see {@link QueryEngine}).
   *
   * @param batchSize records per batch, at least 1
   * @throws InvalidQueryException when the query groups or aggregates
   * @throws IllegalArgumentException when {@code batchSize} is below 1
   */
  public RecordBatches stream(String collection, Query query, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    Iterator<BlazeRecord> records = engine.stream(query, store.source(collection));
    return new RecordBatches(records, batchSize);
  }

  /** The number of visible records in {@code collection} (0 for one never written). */
  public long count(String collection) {
    return store.count(collection);
  }

  /**
   * Up to {@code maxCount} changes of {@code collection} after {@code afterSequence}, or the news
   * that they are no longer kept: what REST polling answers.
   */
  public ChangesResult readChanges(String collection, long afterSequence, int maxCount) {
    return store.readChanges(collection, afterSequence, maxCount);
  }

  /** The newest sequence of {@code collection}'s change log (0 when it has had no change). */
  public long lastSequence(String collection) {
    return store.lastSequence(collection);
  }

  /**
   * The change feed every push adapter (gRPC Subscribe, WebSocket) subscribes through, attached to
   * the store on first use. It needs no closing of its own: closing the store ends its
   * subscriptions, and its delivery threads stop when idle.
   */
  public ChangeFeed changeFeed() {
    synchronized (feedLock) {
      if (feed == null) {
        feed = ChangeFeed.attach(store);
      }
      return feed;
    }
  }
}
