package dev.blazebench.server.store;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Applies every write of the store on one thread, and commits them in groups: a caller hands in its
 * work, the committer thread runs the work of all waiting callers in one MVStore transaction,
 * commits it to the file once, and only then answers each caller. One disk write serves many
 * concurrent writers, and a caller is never answered before its write is in the file.
 *
 * <h2>Why an answered write survives {@code kill -9}</h2>
 *
 * <ol>
 *   <li>The MVStore is opened with auto-commit off ({@code autoCommitDelay} 0). It then has no
 *       background writer thread and no write executors, so every store operation writes its chunk
 *       with {@code FileChannel.write} in the calling thread, under the store lock, before
 *       returning ({@code FileStore.submitOrRun} runs the task inline when there is no executor).
 *       With a background writer, {@code MVStore.commit()} could instead return while another
 *       thread's queued chunk was still unwritten.
 *   <li>{@link Transaction#commit()} marks the group's changes committed in the maps, and, because
 *       auto-commit is off, {@code TransactionStore.endTransaction} then calls {@code
 *       MVStore.commit()}, which writes a chunk holding them. We call {@link MVStore#commit()} once
 *       more ourselves, so the argument does not rest on that internal detail: this thread is the
 *       only writer, so if the chunk was written the call finds nothing unsaved and returns at
 *       once, and otherwise it writes it.
 *   <li>Only after both calls return are the callers' futures completed. A written chunk is in the
 *       operating system's page cache, which outlives the process. On reopen after a crash the
 *       store is first scanned for its newest complete chunk ({@link CrashRecovery}): MVStore's own
 *       quick start-up can settle on an older chunk once space is reused (next step), which lost
 *       acknowledged writes. With {@link StoreOptions#syncOnCommit()} the chunk is also forced to
 *       the device ({@link MVStore#sync()}), which covers power loss too.
 *   <li>Space is reused safely. MVStore overwrites the file space of a chunk that no longer holds
 *       live data once it is older than the retention time, assuming that by then the chunks
 *       superseding it are on the device. Its default retention (45 s) lets the file grow by one
 *       chunk per commit for 45 s, gigabytes under load. Instead the committer forces the file to
 *       the device at least every {@value #SYNC_INTERVAL_MILLIS} ms and the retention is {@value
 *       #CHUNK_RETENTION_MILLIS} ms, so the assumption still holds after a power loss; with {@link
 *       StoreOptions#syncOnCommit()} every commit is forced and the retention is 0. A chunk written
 *       into reused space is not always reachable from the file header after a crash; {@link
 *       CrashRecovery}'s full scan finds it.
 *   <li>A crash mid-group leaves no answered write behind, and a torn chunk is ignored on reopen. A
 *       group's transaction may already be in a chunk before it commits (MVStore writes when its
 *       buffer fills); on reopen {@link TransactionStore#endLeftoverTransactions()} rolls such an
 *       uncommitted transaction back, so an {@code insertMany} is still all or nothing.
 * </ol>
 *
 * <p>One caller's failure (a duplicate id, a missing record) rolls back to a savepoint taken before
 * its work, and the rest of the group commits. Callers wait without being interruptible: once work
 * is handed in, its caller learns whether it committed, never "maybe".
 *
 * <h2>The change log and its listeners</h2>
 *
 * Every change of the group appends its operation to the {@link OperationLog} inside the group's
 * transaction ({@link ChangeLogGroup}), so the log and the data commit together or not at all.
 * Sequence numbers are given on this one thread, so they follow commit order with no gap; a failed
 * write gives its numbers back with its savepoint. Trimming for retention happens here too, in the
 * same transaction, or in an idle round when the log has aged. Only after the commit (and the
 * forced write, when due) are the group's events handed to the {@link ChangeListener}s, and only
 * then are the callers answered: a listener never hears of a change that could still be lost.
 */
final class GroupCommitWriter implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

  /** When the queue stays empty this long, compact the file (MVStore's own housekeeping is off). */
  private static final long IDLE_MILLIS_BEFORE_COMPACTION = 1000;

  /** Longest time a commit stays unforced to the device (without syncOnCommit). */
  static final long SYNC_INTERVAL_MILLIS = 1000;

  /** How long a chunk without live data keeps its file space: well over the sync interval. */
  static final int CHUNK_RETENTION_MILLIS = 5000;

  /** Compact chunks that are less than this percent live. */
  private static final int COMPACTION_TARGET_FILL_PERCENT = 60;

  /** Bytes of chunks to rewrite per compaction round. */
  private static final int COMPACTION_WRITE_BYTES = 16 * 1024 * 1024;

  private static final Pending<?> STOP = new Pending<>(tx -> null);

  private static final class Pending<R> {
    final Function<WriteTransaction, R> work;
    final CompletableFuture<R> done = new CompletableFuture<>();
    R result;
    Throwable failure;

    Pending(Function<WriteTransaction, R> work) {
      this.work = work;
    }

    void run(WriteTransaction tx) {
      result = work.apply(tx);
    }

    void finish() {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(result);
      }
    }
  }

  private final TransactionStore transactions;
  private final MVStore store;
  private final CollectionMaps maps;
  private final RecordCodec codec;
  private final OperationLog changeLog;
  private final List<ChangeListener> listeners;
  private final StoreOptions options;
  private final BlockingQueue<Pending<?>> queue;
  private final ReadWriteLock closeLock = new ReentrantReadWriteLock();
  private final Thread thread;
  private boolean closed; // guarded by closeLock
  private volatile Throwable fatal;

  /** What runs, once each, when the writer stops taking writes after a failure. */
  private final List<Runnable> failureActions = new CopyOnWriteArrayList<>();

  private long commitsSinceCompaction;
  private long commitsSinceSync;
  private long lastSyncNanos = System.nanoTime();

  GroupCommitWriter(
      TransactionStore transactions,
      MVStore store,
      CollectionMaps maps,
      RecordCodec codec,
      OperationLog changeLog,
      List<ChangeListener> listeners,
      StoreOptions options,
      String name) {
    if (store.getAutoCommitDelay() != 0) {
      // The durability argument above needs inline, synchronous chunk writes.
      throw new IllegalStateException("the MVStore must be opened with auto-commit disabled");
    }
    store.setRetentionTime(options.syncOnCommit() ? 0 : CHUNK_RETENTION_MILLIS);
    this.transactions = transactions;
    this.store = store;
    this.maps = maps;
    this.codec = codec;
    this.changeLog = changeLog;
    this.listeners = listeners;
    this.options = options;
    this.queue = new ArrayBlockingQueue<>(options.writeQueueCapacity());
    this.thread = new Thread(this::runLoop, "blazebench-store-committer " + name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Runs {@code work} in the next commit group and returns its result once the group is in the
   * file. Exceptions the work throws reach the caller unchanged, after its changes were undone.
   *
   * @throws StoreClosedException when the store is closed, or closed itself after a failure
   * @throws StoreException when the commit or the forced write to the device failed; the write was
   *     not acknowledged and may or may not be in the store, which takes no more writes
   */
  <R> R write(Function<WriteTransaction, R> work) {
    Pending<R> pending = new Pending<>(work);
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new StoreClosedException("the store is closed");
      }
      putUninterruptibly(pending);
    } finally {
      closeLock.readLock().unlock();
    }
    return awaitUninterruptibly(pending.done);
  }

  private void runLoop() {
    List<Pending<?>> group = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      Pending<?> first;
      try {
        first = queue.poll(IDLE_MILLIS_BEFORE_COMPACTION, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue; // nobody interrupts this thread on purpose; close() uses STOP
      }
      if (first == null) {
        housekeepWhileIdle();
        continue;
      }
      group.add(first);
      queue.drainTo(group, options.maxWritesPerCommit() - 1);
      stopping = group.remove(STOP);
      if (!group.isEmpty()) {
        commitGroup(group);
      }
      group.clear();
    }
  }

  private void commitGroup(List<Pending<?>> group) {
    if (fatal != null) {
      failAll(group, new StoreClosedException("the store failed earlier", fatal));
      return;
    }
    List<ChangeEvent> events = List.of();
    try {
      Transaction tx = transactions.begin();
      ChangeLogGroup logGroup = changeLog.beginGroup(tx);
      WriteTransaction writes = new WriteTransaction(tx, maps, codec, logGroup);
      boolean anyApplied = false;
      for (Pending<?> pending : group) {
        WriteTransaction.Savepoint savepoint = writes.savepoint();
        try {
          pending.run(writes);
          anyApplied = true;
        } catch (RuntimeException | Error e) {
          if (store.isClosed()) {
            throw e; // the engine failed (MVStore closes itself after a failed write): all of it
          }
          writes.rollbackTo(savepoint);
          pending.failure = e;
        }
      }
      if (anyApplied) {
        events = logGroup.flush(); // log entries, heads, trimming: all in this transaction
      }
      tx.commit(); // writes the chunk: see the class comment, step 2
      if (anyApplied) {
        store.commit(); // a no-op when step 2 already wrote it; never returns before the write
        commitsSinceCompaction++;
        commitsSinceSync++;
        if (options.syncOnCommit()) {
          sync();
        } else {
          syncIfDue(false);
        }
        logGroup.committed(); // only now may readers and listeners rely on the new sequences
      }
    } catch (RuntimeException | Error e) {
      // The store could not commit (disk full, I/O error): MVStore closes itself after such a
      // "panic". Nothing of this group is acknowledged, and later writes fail fast.
      failed(e, "commit failed; the store no longer accepts writes");
      failAll(group, new StoreException("commit failed: " + e.getMessage(), e));
      return;
    }
    if (!events.isEmpty()) {
      publish(events);
    }
    for (Pending<?> pending : group) {
      pending.finish();
    }
  }

  private void publish(List<ChangeEvent> events) {
    List<ChangeEvent> announced = List.copyOf(events);
    for (ChangeListener listener : listeners) {
      try {
        listener.onCommitted(announced);
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "a change listener failed; the commit stands", e);
      }
    }
  }

  private void housekeepWhileIdle() {
    if (fatal != null) {
      return;
    }
    try {
      trimIfDue();
      compactIfWritten();
      syncIfDue(true);
    } catch (RuntimeException | Error e) {
      // A failed fsync means committed data may not reach the device: stop taking writes.
      failed(e, "forcing the store to disk failed; it no longer accepts writes");
    }
  }

  /** Forces the file when the interval has passed (or, when idle, whenever something is new). */
  private void syncIfDue(boolean idle) {
    if (commitsSinceSync == 0 || store.isClosed()) {
      return;
    }
    long sinceLastSyncNanos = System.nanoTime() - lastSyncNanos;
    if (idle || sinceLastSyncNanos >= TimeUnit.MILLISECONDS.toNanos(SYNC_INTERVAL_MILLIS)) {
      sync();
    }
  }

  private void sync() {
    store.sync();
    commitsSinceSync = 0;
    lastSyncNanos = System.nanoTime();
  }

  /** Trims the change log when retention says so and no write has come to do it. */
  private void trimIfDue() {
    if (store.isClosed() || !changeLog.trimDue()) {
      return;
    }
    Transaction tx = transactions.begin();
    try {
      changeLog.trim(tx);
      tx.commit();
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    }
    store.commit();
    commitsSinceCompaction++;
    commitsSinceSync++;
  }

  private void compactIfWritten() {
    if (commitsSinceCompaction == 0 || store.isClosed()) {
      return;
    }
    commitsSinceCompaction = 0;
    try {
      if (store.compact(COMPACTION_TARGET_FILL_PERCENT, COMPACTION_WRITE_BYTES)) {
        store.commit();
        commitsSinceSync++;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "compaction failed; data is unaffected", e);
    }
  }

  /**
   * Runs {@code action} once the writer has stopped taking writes after a failure (at once when it
   * already has): at most once, on the committer thread or the caller's.
   */
  void whenFailed(Runnable action) {
    failureActions.add(action);
    if (fatal != null) {
      runOnce(action);
    }
  }

  /** Whether a failure has stopped the writer. */
  boolean hasFailed() {
    return fatal != null;
  }

  private void failed(Throwable e, String why) {
    fatal = e;
    LOG.log(Level.ERROR, why, e);
    for (Runnable action : failureActions) {
      runOnce(action);
    }
  }

  /** Runs {@code action} if no one has yet: whoever removes it from the list runs it. */
  private void runOnce(Runnable action) {
    if (!failureActions.remove(action)) {
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "an action on the store's failure failed", e);
    }
  }

  private static void failAll(List<Pending<?>> group, StoreException failure) {
    for (Pending<?> pending : group) {
      pending.failure = pending.failure != null ? pending.failure : failure;
      pending.finish();
    }
  }

  /** Stops accepting writes, commits everything already handed in, and stops the thread. */
  @Override
  public void close() {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      closeLock.writeLock().unlock();
    }
    putUninterruptibly(STOP);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void putUninterruptibly(Pending<?> pending) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(pending);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static <R> R awaitUninterruptibly(CompletableFuture<R> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new StoreException("write failed: " + cause, cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
