package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeEncodingException;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeOperationCodec;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import dev.blazebench.server.store.OperationLog.CollectionLog;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.tx.Transaction;

/**
 * The operations of one commit group, on their way into the {@link OperationLog}. Each change gets
 * its operation (and so its Lamport counter and sequence) when it is made, so that a write that
 * cannot be logged fails alone; the entries are put into the log maps by {@link #flush()}, just
 * before the commit, stamped with one commit time. Savepoints undo the operations of a write that
 * failed, sequence numbers included, so the log stays gap-free.
 *
 * <p>Committer thread only.
 */
final class ChangeLogGroup {

  /** Where a savepoint was: how many operations, and the Lamport counter. */
  record Mark(int size, long lamportCounter) {}

  private record Pending(CollectionLog log, long sequence, BlazeOperation op, byte[] bytes) {}

  private static final SecureRandom NONCES = new SecureRandom();

  private final OperationLog log;
  private final Transaction tx;
  private final List<Pending> pending = new ArrayList<>();
  private final Set<CollectionLog> touched = new LinkedHashSet<>();

  ChangeLogGroup(OperationLog log, Transaction tx) {
    this.log = log;
    this.tx = tx;
  }

  /**
   * Makes the server's operation for one change and gives it the collection's next sequence.
   *
   * @throws InvalidRecordException when the operation cannot be encoded
   */
  void append(String collection, OperationType type, UUID recordId, BlazeRecord changes) {
    CollectionLog collectionLog = log.openForWrite(tx, collection);
    long counter = log.lamportCounter + 1;
    byte[] nonce = new byte[BlazeOperation.NONCE_BYTES];
    NONCES.nextBytes(nonce);
    BlazeOperation op =
        new BlazeOperation(
            UUID.randomUUID(),
            counter,
            log.nodeId(),
            log.nodeId(),
            type,
            collection,
            recordId,
            changes,
            FormatVersion.V1,
            List.of(),
            OperationRole.SERVER,
            nonce,
            log.expiresAtBits(),
            null);
    byte[] bytes;
    try {
      bytes = BlazeOperationCodec.encode(op);
    } catch (BlazeEncodingException e) {
      throw new InvalidRecordException(
          "the "
              + type
              + " of record "
              + recordId
              + " in collection \""
              + collection
              + "\" cannot be logged: "
              + e.getMessage(),
          e);
    }
    log.lamportCounter = counter;
    collectionLog.assignedLast++;
    pending.add(new Pending(collectionLog, collectionLog.assignedLast, op, bytes));
  }

  /** Moves the Lamport counter up to {@code remoteCounter} if it is behind (unsigned). */
  void observeLamport(long remoteCounter) {
    if (Long.compareUnsigned(remoteCounter, log.lamportCounter) > 0) {
      log.lamportCounter = remoteCounter;
    }
  }

  /** The sequence the last change of this group was given, or 0 when it has none yet. */
  long lastAppendedSequence() {
    return pending.isEmpty() ? 0 : pending.get(pending.size() - 1).sequence();
  }

  Mark mark() {
    return new Mark(pending.size(), log.lamportCounter);
  }

  /** Forgets the operations made since {@code mark}, giving their sequences back. */
  void rollbackTo(Mark mark) {
    for (int i = pending.size() - 1; i >= mark.size(); i--) {
      Pending undone = pending.remove(i);
      undone.log().assignedLast = undone.sequence() - 1;
    }
    log.lamportCounter = mark.lamportCounter();
  }

  /**
   * Puts the group's entries into the log maps with one commit time, records the new heads and
   * Lamport counter, and trims what retention no longer keeps, all inside the group's transaction.
   * Returns the events to announce once the transaction is committed.
   */
  List<ChangeEvent> flush() {
    long commitMicros = log.nowMicros();
    List<ChangeEvent> events = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      byte[] entry = LogEntries.encode(commitMicros, p.bytes());
      tx.openMapX(p.log().map).put(p.sequence(), entry);
      if (p.sequence() == p.log().oldest) {
        p.log().oldestCommitMicros = commitMicros; // the log was empty until now
      }
      touched.add(p.log());
      events.add(
          new ChangeEvent(
              p.op().collection(),
              p.sequence(),
              commitMicros,
              entry,
              LogEntries.HEADER_BYTES,
              p.bytes().length,
              p.op()));
    }
    log.writeHeads(tx, touched);
    log.trim(tx);
    return events;
  }

  /** After the commit: readers may now see the new sequences. */
  void committed() {
    for (CollectionLog collectionLog : touched) {
      collectionLog.committedLast = collectionLog.assignedLast;
    }
    log.persistedLamportCounter = log.lamportCounter;
  }
}
