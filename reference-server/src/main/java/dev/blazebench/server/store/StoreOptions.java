package dev.blazebench.server.store;

import java.time.Clock;
import java.util.Objects;

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
 */
public record StoreOptions(
    Clock clock,
    boolean syncOnCommit,
    int maxWritesPerCommit,
    int writeQueueCapacity,
    int scanPageRecords,
    int maxRecordBytes) {

  /** Default largest record: 16 MiB (gRPC's default message limit is 4 MiB). */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private static final StoreOptions DEFAULTS =
      new StoreOptions(Clock.systemUTC(), false, 1024, 4096, 256, DEFAULT_MAX_RECORD_BYTES);

  public StoreOptions {
    Objects.requireNonNull(clock, "clock");
    requirePositive(maxWritesPerCommit, "maxWritesPerCommit");
    requirePositive(writeQueueCapacity, "writeQueueCapacity");
    requirePositive(scanPageRecords, "scanPageRecords");
    requirePositive(maxRecordBytes, "maxRecordBytes");
  }

  /** System UTC clock, no fsync, up to 1024 writes per commit, 4096 queued, 256-record pages. */
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
        maxRecordBytes);
  }

  public StoreOptions withSyncOnCommit(boolean syncOnCommit) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes);
  }

  public StoreOptions withScanPageRecords(int scanPageRecords) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes);
  }

  public StoreOptions withMaxRecordBytes(int maxRecordBytes) {
    return new StoreOptions(
        clock,
        syncOnCommit,
        maxWritesPerCommit,
        writeQueueCapacity,
        scanPageRecords,
        maxRecordBytes);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
