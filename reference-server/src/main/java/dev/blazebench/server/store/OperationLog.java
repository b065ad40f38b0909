package dev.blazebench.server.store;

import dev.blazebench.server.store.ResyncNeeded.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;
import org.h2.value.VersionedValue;

/**
 * The durable change log: per collection, a map from sequence (gap-free from 1) to {@link
 * LogEntries entry}, written in the transaction of the changes it records, plus the state that
 * makes it a sync log: the server's node id (random on first open, then kept) and its Lamport
 * counter (advanced for every operation, persisted with each commit).
 *
 * <ul>
 *   <li>{@code changes:<collection>}: sequence (H2 {@link LongDataType}) to entry bytes.
 *   <li>{@code changes.meta}: {@code nodeId} (16 bytes), {@code lamportCounter} (u64 BE) and {@code
 *       head:<collection>} (u64 BE, the collection's last sequence, which survives trimming every
 *       entry).
 * </ul>
 *
 * <p>Only the committer thread appends and trims ({@link ChangeLogGroup}, {@link #trim}); readers
 * read committed data in their own thread ({@link #read}).
 */
final class OperationLog {

  static final String LOG_PREFIX = "changes:";
  static final String META_MAP_NAME = "changes.meta";
  private static final String NODE_ID_KEY = "nodeId";
  private static final String LAMPORT_KEY = "lamportCounter";
  private static final String HEAD_PREFIX = "head:";

  /** Most entries one commit (or one idle round) removes, so a trim never makes a huge commit. */
  static final int TRIM_BUDGET_PER_COMMIT = 10_000;

  /** One collection's log. */
  static final class CollectionLog {
    final String collection;
    final MVMap<Long, VersionedValue<byte[]>> map;

    /** Newest committed sequence: what readers and the feed may rely on. */
    volatile long committedLast;

    // Committer thread only:
    long assignedLast; // newest sequence given out, committed or in the current group
    volatile long oldest; // first sequence still kept (assignedLast + 1 if none); readers check it
    long oldestCommitMicros; // commit time of entry `oldest`, when there is one

    CollectionLog(String collection, MVMap<Long, VersionedValue<byte[]>> map, long last) {
      this.collection = collection;
      this.map = map;
      this.committedLast = last;
      this.assignedLast = last;
      this.oldest = last + 1;
    }
  }

  private final UUID nodeId;
  private final Clock clock;
  private final long maxOperations;
  private final long retentionMicros;
  private final long retentionMillis;
  private final MVMap<String, VersionedValue<byte[]>> meta;
  private final ConcurrentMap<String, CollectionLog> logs = new ConcurrentHashMap<>();

  // Committer thread only:
  long lamportCounter;
  long persistedLamportCounter;

  private OperationLog(
      UUID nodeId,
      long lamportCounter,
      MVMap<String, VersionedValue<byte[]>> meta,
      StoreOptions options) {
    this.nodeId = nodeId;
    this.lamportCounter = lamportCounter;
    this.persistedLamportCounter = lamportCounter;
    this.meta = meta;
    this.clock = options.clock();
    this.maxOperations = options.changeLogMaxOperations();
    this.retentionMillis = saturatedMillis(options.changeLogRetention());
    this.retentionMicros =
        retentionMillis > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE / 4 : retentionMillis * 1000;
  }

  /** Opens the log in the file, creating the node id on first open. */
  static OperationLog open(TransactionStore transactions, MVStore store, StoreOptions options) {
    Transaction tx = transactions.begin();
    try {
      TransactionMap<String, byte[]> meta = openMeta(tx);
      byte[] storedNodeId = meta.get(NODE_ID_KEY);
      UUID nodeId;
      if (storedNodeId == null) {
        nodeId = UUID.randomUUID();
        meta.put(NODE_ID_KEY, RecordKeys.toKey(nodeId));
      } else {
        nodeId = RecordKeys.fromKey(storedNodeId);
      }
      OperationLog log =
          new OperationLog(nodeId, readLong(meta.get(LAMPORT_KEY)), meta.map, options);
      for (String mapName : store.getMapNames()) {
        if (mapName.startsWith(LOG_PREFIX)) {
          String collection = mapName.substring(LOG_PREFIX.length());
          TransactionMap<Long, byte[]> entries = openLog(tx, mapName);
          CollectionLog collectionLog =
              new CollectionLog(
                  collection, entries.map, readLong(meta.get(HEAD_PREFIX + collection)));
          Long first = entries.firstKey();
          if (first != null) {
            collectionLog.oldest = first;
            collectionLog.oldestCommitMicros =
                LogEntries.commitTimeMicros(entries.get(first), collection, first);
          }
          log.logs.put(collection, collectionLog);
        }
      }
      tx.commit();
      return log;
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    }
  }

  UUID nodeId() {
    return nodeId;
  }

  /** The collection's newest committed sequence; 0 when it has had no change. */
  long lastSequence(String collection) {
    CollectionLog log = logs.get(collection);
    return log == null ? 0 : log.committedLast;
  }

  /** Starts collecting the operations of one commit group. */
  ChangeLogGroup beginGroup(Transaction tx) {
    return new ChangeLogGroup(this, tx);
  }

  /** The collection's log, created on first use (committer thread only). */
  CollectionLog openForWrite(Transaction tx, String collection) {
    CollectionLog log = logs.get(collection);
    if (log == null) {
      log = new CollectionLog(collection, openLog(tx, LOG_PREFIX + collection).map, 0);
      logs.put(collection, log);
    }
    return log;
  }

  /** Records the group's new heads and Lamport counter in the meta map, inside its transaction. */
  void writeHeads(Transaction tx, Iterable<CollectionLog> touched) {
    TransactionMap<String, byte[]> metaMap = tx.openMapX(meta);
    for (CollectionLog log : touched) {
      metaMap.put(HEAD_PREFIX + log.collection, longBytes(log.assignedLast));
    }
    if (lamportCounter != persistedLamportCounter) {
      metaMap.put(LAMPORT_KEY, longBytes(lamportCounter));
    }
  }

  long nowMicros() {
    Instant now = clock.instant();
    return Math.addExact(
        Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000L);
  }

  /**
   * {@code expiresAt} for an operation made now: its commit plus the retention, as BlazeDB bits.
   */
  long expiresAtBits() {
    double seconds = (clock.millis() + (double) retentionMillis) / 1000.0;
    return Double.doubleToLongBits(seconds);
  }

  /** Whether some collection holds more operations than allowed, or one older than allowed. */
  boolean trimDue() {
    long cutoffMicros = nowMicros() - retentionMicros;
    for (CollectionLog log : logs.values()) {
      if (log.oldest <= log.assignedLast
          && (log.assignedLast - log.oldest + 1 > maxOperations
              || log.oldestCommitMicros < cutoffMicros)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes, inside {@code tx}, the oldest entries of every collection while it holds more than
   * {@link StoreOptions#changeLogMaxOperations()} or its oldest is older than {@link
   * StoreOptions#changeLogRetention()}; at most {@value #TRIM_BUDGET_PER_COMMIT} entries, the rest
   * next time. Returns how many were removed.
   */
  int trim(Transaction tx) {
    long cutoffMicros = nowMicros() - retentionMicros;
    int budget = TRIM_BUDGET_PER_COMMIT;
    for (CollectionLog log : logs.values()) {
      TransactionMap<Long, byte[]> entries = null;
      while (budget > 0 && log.oldest <= log.assignedLast) {
        boolean tooMany = log.assignedLast - log.oldest + 1 > maxOperations;
        if (!tooMany && log.oldestCommitMicros >= cutoffMicros) {
          break;
        }
        if (entries == null) {
          entries = tx.openMapX(log.map);
        }
        entries.remove(log.oldest);
        log.oldest++;
        budget--;
        if (log.oldest <= log.assignedLast) {
          log.oldestCommitMicros =
              LogEntries.commitTimeMicros(entries.get(log.oldest), log.collection, log.oldest);
        }
      }
    }
    return TRIM_BUDGET_PER_COMMIT - budget;
  }

  /** See {@link BlazeStore#readChanges(String, long, int, long)}. */
  ChangesResult read(
      ReadTransactions reads, String collection, long afterSequence, int maxCount, long maxBytes) {
    CollectionLog log = logs.get(collection);
    if (log == null) {
      return afterSequence == 0
          ? new ChangesPage(0, List.of(), 0)
          : new ResyncNeeded(afterSequence, 1, 0, Reason.AHEAD_OF_LOG);
    }
    // A snapshot over two maps has been seen (under load, in ChangeFeedTest) to show a log entry
    // newer than the head it read: "oldest 3, last 2". Such a view is impossible for a consistent
    // snapshot, so it is read again rather than answered as a false ResyncNeeded.
    for (int attempt = 1; ; attempt++) {
      ChangesResult result = readOnce(reads, log, collection, afterSequence, maxCount, maxBytes);
      if (result != null) {
        return result;
      }
      if (attempt == INCONSISTENT_READ_ATTEMPTS) {
        throw new StoreCorruptedException(
            "change log of \""
                + collection
                + "\" shows entries past its head in "
                + attempt
                + " consecutive reads");
      }
      Thread.onSpinWait();
    }
  }

  private static final int INCONSISTENT_READ_ATTEMPTS = 100;

  /** One snapshot read; null when the snapshot showed an entry past the head it read. */
  private ChangesResult readOnce(
      ReadTransactions reads,
      CollectionLog log,
      String collection,
      long afterSequence,
      int maxCount,
      long maxBytes) {
    return reads.readSnapshot(
        List.of(log.map, meta),
        tx -> {
          long last = readLong(tx.openMapX(meta).get(HEAD_PREFIX + collection));
          TransactionMap<Long, byte[]> entries = tx.openMapX(log.map);
          if (afterSequence > last) {
            Long first = entries.firstKey();
            return new ResyncNeeded(
                afterSequence, first == null ? last + 1 : first, last, Reason.AHEAD_OF_LOG);
          }
          List<ChangeEvent> events = new ArrayList<>(Math.min(maxCount, 256));
          long expected = afterSequence + 1;
          long bytes = 0;
          Iterator<Map.Entry<Long, byte[]>> it = entries.entryIterator(expected, last);
          while (expected <= last && events.size() < maxCount && it.hasNext()) {
            Map.Entry<Long, byte[]> entry = it.next();
            long sequence = entry.getKey();
            if (sequence > last) {
              return null; // an inconsistent view: read again
            }
            if (sequence != expected) {
              if (events.isEmpty() && log.oldest > expected) {
                return new ResyncNeeded(afterSequence, sequence, last, Reason.EXPIRED);
              }
              // Entries are trimmed from the oldest only, so a gap after entries this snapshot
              // showed, or above the oldest kept, is a view that missed a committed entry while
              // showing a later one. Answering with the entries before the gap would let a
              // poller that follows lastSequence skip the missing one for good: read again.
              return null;
            }
            byte[] value = entry.getValue();
            if (!events.isEmpty() && bytes + value.length > maxBytes) {
              break;
            }
            events.add(LogEntries.toEvent(collection, sequence, value));
            bytes += value.length;
            expected++;
          }
          if (events.isEmpty() && afterSequence < last) {
            if (log.oldest <= afterSequence + 1) {
              // Retention (which only moves `oldest` up) had not trimmed these entries, yet the
              // snapshot showed the head without them: an inconsistent view, read again.
              return null;
            }
            return new ResyncNeeded(afterSequence, last + 1, last, Reason.EXPIRED);
          }
          return new ChangesPage(afterSequence, events, last);
        });
  }

  private static TransactionMap<String, byte[]> openMeta(Transaction tx) {
    return tx.openMap(META_MAP_NAME, StringDataType.INSTANCE, ByteArrayDataType.INSTANCE);
  }

  private static TransactionMap<Long, byte[]> openLog(Transaction tx, String mapName) {
    return tx.openMap(mapName, LongDataType.INSTANCE, ByteArrayDataType.INSTANCE);
  }

  static byte[] longBytes(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  static long readLong(byte[] bytes) {
    if (bytes == null) {
      return 0;
    }
    if (bytes.length != 8) {
      throw new StoreCorruptedException(
          "change log metadata value is " + bytes.length + " bytes, expected 8");
    }
    long value = 0;
    for (byte b : bytes) {
      value = (value << 8) | (b & 0xFF);
    }
    return value;
  }

  private static long saturatedMillis(Duration duration) {
    try {
      return Math.min(duration.toMillis(), Long.MAX_VALUE / 4);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }
}
