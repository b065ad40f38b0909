package dev.blazebench.server.store;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link BlazeStore} runs; resolve once, before opening. {@link #defaults()} suits a
 * benchmark server; tests inject a fixed {@link Clock}.
 *
 * @param clock the source of {@code createdAt} and {@code updatedAt} (millisecond precision)
 * @param syncOnCommit also force every commit to the disk device ({@code fsync}), so that an
 *     acknowledged write survives power loss, not only the death of the process. Off by default:
 *     the write then survives {@code kill -9} (it is in the OS page cache) but not a machine crash.
 * @param maxWritesPerCommit most write requests the group committer puts in one commit
 * @param writeQueueCapacity write requests that may wait for the committer before callers block
 * @param scanPageRecords records a scan reads per read transaction (the memory a scan holds)
 * @param maxRecordBytes largest encoded record accepted, in bytes
 * @param indexedFields fields every collection keeps an ordered index on, so that a query sorted by
 *     one of them with a limit reads only the records it returns (see {@link BlazeStore#source});
 *     each index costs a little on every write. An index is built when a field is added and dropped
 *     when it is removed, at {@link BlazeStore#open}.
 */
public record StoreOptions(
    Clock clock,
    boolean syncOnCommit,
    int maxWritesPerCommit,
    int writeQueueCapacity,
    int scanPageRecords,
    int maxRecordBytes,
    Set<String> indexedFields) {

  /** Default largest record: 16 MiB (gRPC's default message limit is 4 MiB). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Indexed by default: {@code createdAt}, the seed's default sort ("newest first"). */
  public static final Set<String> DEFAULT_INDEXED_FIELDS = Set.of("createdAt");

  private static final StoreOptions DEFAULTS =
      new StoreOptions(
          Clock.systemUTC(),
          false,
          1024,
          4096,
          256,
          DEFAULT_MAX_RECORD_BYTES,
          DEFAULT_INDEXED_FIELDS);

  public StoreOptions {
    Objects.requireNonNull(clock, "clock");
    requirePositive(maxWritesPerCommit, "maxWritesPerCommit");
    requirePositive(writeQueueCapacity, "writeQueueCapacity");
    requirePositive(scanPageRecords, "scanPageRecords");
    requirePositive(maxRecordBytes, "maxRecordBytes");
    indexedFields = Set.copyOf(Objects.requireNonNull(indexedFields, "indexedFields"));
    for (String field : indexedFields) {
      if (field.isEmpty()) {
        throw new IllegalArgumentException("indexedFields must not contain an empty name");
      }
    }
  }

  /**
   * System UTC clock, no fsync, up to 1024 writes per commit, 4096 queued, 256-record pages, 16 MiB
   * records, {@code createdAt} indexed.
   */
  public static StoreOptions defaults() {
    return DEFAULTS;
  }

  public StoreOptions withClock(Clock clock) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields);
  }

  public StoreOptions withSyncOnCommit(boolean syncOnCommit) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields);
  }

  public StoreOptions withScanPageRecords(int scanPageRecords) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields);
  }

  public StoreOptions withMaxRecordBytes(int maxRecordBytes) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields);
  }

  public StoreOptions withIndexedFields(Set<String> indexedFields) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
