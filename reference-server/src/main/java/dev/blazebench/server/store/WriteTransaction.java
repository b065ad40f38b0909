package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import java.util.Optional;
import java.util.UUID;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;

/**
 * The one path by which records change: every insert, update and delete of the store goes through
 * these three methods, inside the MVStore transaction of the current commit group, on the
 * committer's thread ({@link GroupCommitWriter}).
 *
 * <p>That makes it the place for anything that must commit atomically with a write: the operation
 * log for Subscribe/Sync appends its entry here, in the same transaction, and because there is a
 * single writer thread the entries it appends are in commit order with no gaps.
 *
 * <p>Reads through {@link #get} see this transaction's own earlier writes (a batch that inserts the
 * same id twice fails on the second). Not thread-safe: it is only ever used by the committer.
 */
public final class WriteTransaction {

  private final Transaction tx;
  private final CollectionMaps maps;
  private final RecordCodec codec;

  WriteTransaction(Transaction tx, CollectionMaps maps, RecordCodec codec) {
    this.tx = tx;
    this.maps = maps;
    this.codec = codec;
  }

  /** The stored record, soft-deleted or not, including this transaction's changes. */
  public Optional<BlazeRecord> get(String collection, UUID id) {
    if (maps.find(collection) == null) {
      return Optional.empty();
    }
    byte[] key = RecordKeys.toKey(id);
    byte[] bytes = map(collection).get(key);
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
    byte[] bytes = codec.encode(record, collection, id);
    TransactionMap<byte[], byte[]> map = map(collection);
    byte[] key = RecordKeys.toKey(id);
    if (map.putIfAbsent(key, bytes) != null) {
      throw new DuplicateRecordException(collection, id);
    }
  }

  /**
   * Replaces the stored record {@code id} with {@code record}, its new complete state.
   *
   * @throws RecordNotFoundException when there is no such record
   * @throws InvalidRecordException when the record cannot be encoded or is too large
   */
  public void update(String collection, UUID id, BlazeRecord record) {
    byte[] bytes = codec.encode(record, collection, id);
    byte[] key = RecordKeys.toKey(id);
    if (maps.find(collection) == null || map(collection).get(key) == null) {
      throw new RecordNotFoundException(collection, id);
    }
    map(collection).put(key, bytes);
  }

  /** Deletes record {@code id} for good; returns whether it existed (soft-deleted or not). */
  public boolean delete(String collection, UUID id) {
    if (maps.find(collection) == null) {
      return false;
    }
    return map(collection).remove(RecordKeys.toKey(id)) != null;
  }

  private TransactionMap<byte[], byte[]> map(String collection) {
    return maps.openForWrite(tx, collection);
  }
}
