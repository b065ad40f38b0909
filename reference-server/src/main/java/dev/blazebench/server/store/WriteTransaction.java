package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.OperationType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.value.VersionedValue;

/**
 * The one path by which records change: every insert, update and delete of the store goes through
 * these three methods, inside the MVStore transaction of the current commit group, on the
 * committer's thread ({@link GroupCommitWriter}). They keep the collection's field indexes in step
 * in the same transaction.
 *
 * <p>That makes it the place for anything that must commit atomically with a write: each change
 * appends its {@code BlazeOperation} to the collection's change log here, in the same transaction
 * (see {@link BlazeStore#readChanges}); because there is a single writer thread the entries are in
 * commit order with no gaps. The operation is the server's: its node id, the next tick of its
 * Lamport clock, role server, no dependencies. Its {@code changes} are the whole record for an
 * insert, what changed for an update (new and changed fields, a null for each removed one, and
 * {@code updatedAt}), and nothing for a delete.
 *
 * <p>Every method checks the collection name ({@link InvalidCollectionNameException}). Reads
 * through {@link #get} see this transaction's own earlier writes (a batch that inserts the same id
 * twice fails on the second). Not thread-safe: it is only ever used by the committer.
 */
public final class WriteTransaction {

  /** A point to roll back to: the MVStore savepoint and the change log's. */
  record Savepoint(long transactionSavepoint, ChangeLogGroup.Mark logMark) {}

  private final Transaction tx;
  private final CollectionMaps maps;
  private final RecordCodec codec;
  private final ChangeLogGroup changeLog;

  WriteTransaction(
      Transaction tx, CollectionMaps maps, RecordCodec codec, ChangeLogGroup changeLog) {
    this.tx = tx;
    this.maps = maps;
    this.codec = codec;
    this.changeLog = changeLog;
  }

  /**
   * Moves the server's Lamport clock up to {@code remoteCounter} (an unsigned 64-bit value) if it
   * is behind, so the next operation the server logs is ordered after it: what a sync service calls
   * for each operation a client sends. Undone with the rest of the write if the write fails.
   */
  public void observeLamport(long remoteCounter) {
    changeLog.observeLamport(remoteCounter);
  }

  /** The sequence the last change made in this commit group was given (0 when none). */
  long lastAppendedSequence() {
    return changeLog.lastAppendedSequence();
  }

  Savepoint savepoint() {
    return new Savepoint(tx.setSavepoint(), changeLog.mark());
  }

  void rollbackTo(Savepoint savepoint) {
    tx.rollbackToSavepoint(savepoint.transactionSavepoint());
    changeLog.rollbackTo(savepoint.logMark());
  }

  /** The stored record, soft-deleted or not, including this transaction's changes. */
  public Optional<BlazeRecord> get(String collection, UUID id) {
    CollectionNames.check(collection);
    CollectionMaps.Maps existing = maps.find(collection);
    if (existing == null) {
      return Optional.empty();
    }
    byte[] key = RecordKeys.toKey(id);
    byte[] bytes = tx.<byte[], byte[]>openMapX(existing.records()).get(key);
    return bytes == null ? Optional.empty() : Optional.of(codec.decode(bytes, collection, key));
  }

  /**
   * Stores a new record under {@code id}; {@code record} is complete (its {@code id} field is
   * {@code id}).
   *
   * @throws DuplicateRecordException when the id is taken
   * @throws InvalidRecordException when the record cannot be encoded or is too large
   */
  public void insert(String collection, UUID id, BlazeRecord record) {
    CollectionNames.check(collection);
    byte[] bytes = codec.encode(record, collection, id);
    CollectionMaps.Maps collectionMaps = maps.openForWrite(tx, collection);
    if (tx.<byte[], byte[]>openMapX(collectionMaps.records())
            .putIfAbsent(RecordKeys.toKey(id), bytes)
        != null) {
      throw new DuplicateRecordException(collection, id);
    }
    for (Map.Entry<String, MVMap<byte[], VersionedValue<byte[]>>> index :
        collectionMaps.indexes().entrySet()) {
      index(index.getValue())
          .put(IndexKeys.key(record, index.getKey(), id), CollectionMaps.NO_VALUE);
    }
    changeLog.append(collection, OperationType.INSERT, id, record);
  }

  /**
   * Replaces the stored record {@code id} with {@code record}, its new complete state.
   *
   * @throws RecordNotFoundException when there is no such record
   * @throws InvalidRecordException when the record cannot be encoded or is too large
   */
  public void update(String collection, UUID id, BlazeRecord record) {
    CollectionNames.check(collection);
    byte[] bytes = codec.encode(record, collection, id);
    CollectionMaps.Maps collectionMaps = maps.find(collection);
    byte[] key = RecordKeys.toKey(id);
    TransactionMap<byte[], byte[]> records =
        collectionMaps == null ? null : tx.openMapX(collectionMaps.records());
    byte[] old = records == null ? null : records.get(key);
    if (old == null) {
      throw new RecordNotFoundException(collection, id);
    }
    records.put(key, bytes);
    BlazeRecord previous = codec.decode(old, collection, key);
    changeLog.append(collection, OperationType.UPDATE, id, UpdateChanges.between(previous, record));
    for (Map.Entry<String, MVMap<byte[], VersionedValue<byte[]>>> index :
        collectionMaps.indexes().entrySet()) {
      byte[] before = IndexKeys.key(previous, index.getKey(), id);
      byte[] after = IndexKeys.key(record, index.getKey(), id);
      if (!Arrays.equals(before, after)) {
        TransactionMap<byte[], byte[]> entries = index(index.getValue());
        entries.remove(before);
        entries.put(after, CollectionMaps.NO_VALUE);
      }
    }
  }

  /** Deletes record {@code id} for good; returns whether it existed (soft-deleted or not). */
  public boolean delete(String collection, UUID id) {
    CollectionNames.check(collection);
    CollectionMaps.Maps collectionMaps = maps.find(collection);
    if (collectionMaps == null) {
      return false;
    }
    byte[] key = RecordKeys.toKey(id);
    byte[] old = tx.<byte[], byte[]>openMapX(collectionMaps.records()).remove(key);
    if (old == null) {
      return false;
    }
    if (!collectionMaps.indexes().isEmpty()) {
      BlazeRecord previous = codec.decode(old, collection, key);
      for (Map.Entry<String, MVMap<byte[], VersionedValue<byte[]>>> index :
          collectionMaps.indexes().entrySet()) {
        index(index.getValue()).remove(IndexKeys.key(previous, index.getKey(), id));
      }
    }
    changeLog.append(collection, OperationType.DELETE, id, BlazeRecord.empty());
    return true;
  }

  private TransactionMap<byte[], byte[]> index(MVMap<byte[], VersionedValue<byte[]>> map) {
    return tx.openMapX(map);
  }
}
