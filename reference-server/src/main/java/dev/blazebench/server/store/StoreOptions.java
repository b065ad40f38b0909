package dev.blazebench.server.store;

import java.time.Clock;
import java.time.Duration;
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
 * @param changeLogMaxOperations most operations the change log keeps per collection; older ones are
 *     trimmed (see {@link BlazeStore#readChanges})
 * @param changeLogRetention how long the change log keeps an operation after its commit; whichever
 *     limit is reached first trims. Also the {@code expiresAt} the server writes into its own
 *     operations, so a client never receives an operation that already counts as expired.
 */
public record StoreOptions(
    Clock clock,
    boolean syncOnCommit,
    int maxWritesPerCommit,
    int writeQueueCapacity,
    int scanPageRecords,
    int maxRecordBytes,
    Set<String> indexedFields,
    long changeLogMaxOperations,
    Duration changeLogRetention) {

  /** Default largest record: 16 MiB (gRPC's default message limit is 4 MiB). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Indexed by default: {@code createdAt}, the seed's default sort ("newest first"). */
  public static final Set<String> DEFAULT_INDEXED_FIELDS = Set.of("createdAt");

  /** Default change log length per collection: 100,000 operations. */
  public static final long DEFAULT_CHANGE_LOG_MAX_OPERATIONS = 100_000;

  /** Default change log retention: 24 hours. */
  public static final Duration DEFAULT_CHANGE_LOG_RETENTION = Duration.ofHours(24);

  private static final StoreOptions DEFAULTS =
      new StoreOptions(
          Clock.systemUTC(),
          false,
          1024,
          4096,
          256,
          DEFAULT_MAX_RECORD_BYTES,
          DEFAULT_INDEXED_FIELDS,
          DEFAULT_CHANGE_LOG_MAX_OPERATIONS,
          DEFAULT_CHANGE_LOG_RETENTION);

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
    if (changeLogMaxOperations < 1) {
      throw new IllegalArgumentException(
          "changeLogMaxOperations must be at least 1, was " + changeLogMaxOperations);
    }
    Objects.requireNonNull(changeLogRetention, "changeLogRetention");
    if (changeLogRetention.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(
          "changeLogRetention must be at least 1 ms, was " + changeLogRetention);
    }
  }

  /** The options as before the change log existed, with its default retention. */
  public StoreOptions(
      Clock clock,
      boolean syncOnCommit,
      int maxWritesPerCommit,
      int writeQueueCapacity,
      int scanPageRecords,
      int maxRecordBytes,
      Set<String> indexedFields) {
    this(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        DEFAULT_CHANGE_LOG_MAX_OPERATIONS,
        DEFAULT_CHANGE_LOG_RETENTION);
  }

  /**
   * System UTC clock, no fsync, up to 1024 writes per commit, 4096 queued, 256-record pages, 16 MiB
   * records, {@code createdAt} indexed, a change log of 100,000 operations or 24 hours per
   * collection.
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
        indexedFields,
        changeLogMaxOperations,
        changeLogRetention);
  }

  public StoreOptions withSyncOnCommit(boolean syncOnCommit) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        changeLogMaxOperations,
        changeLogRetention);
  }

  public StoreOptions withScanPageRecords(int scanPageRecords) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        changeLogMaxOperations,
        changeLogRetention);
  }

  public StoreOptions withMaxRecordBytes(int maxRecordBytes) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        changeLogMaxOperations,
        changeLogRetention);
  }

  public StoreOptions withIndexedFields(Set<String> indexedFields) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        changeLogMaxOperations,
        changeLogRetention);
  }

  /**
   * The change log keeps at most {@code maxOperations} per collection, each at most {@code maxAge}.
   */
  public StoreOptions withChangeLogRetention(long maxOperations, Duration maxAge) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes,
        indexedFields,
        maxOperations,
        maxAge);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
