package dev.blazebench.server.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Short read-only transactions. Each sees committed data, and registers its use of the current
 * store version ({@link Transaction#markStatementStart}) so that MVStore does not reuse the file
 * space of pages it may still read while it runs.
 *
 * <p>{@link #close} refuses new reads and waits for the running ones: MVStore may only close once
 * no read holds an old version (with assertions on, it checks that and fails the close otherwise).
 */
final class ReadTransactions {

  private final TransactionStore transactions;
  private final MVStore store;

  /** Reads hold the read lock while they run; {@link #close} takes the write lock. */
  private final ReentrantReadWriteLock running = new ReentrantReadWriteLock();

  private volatile boolean closed;

  ReadTransactions(TransactionStore transactions, MVStore store) {
    this.transactions = transactions;
    this.store = store;
  }

  <T> T read(Function<Transaction, T> work) {
    return read(null, work);
  }

  /**
   * A read that sees {@code maps} as of one instant, so that entries read from one (an index) and
   * then looked up in another (the records) agree.
   */
  <T> T readSnapshot(List<? extends MVMap<?, ?>> maps, Function<Transaction, T> work) {
    return read(maps, work);
  }

  private <T> T read(List<? extends MVMap<?, ?>> snapshotMaps, Function<Transaction, T> work) {
    running.readLock().lock();
    try {
      if (closed) {
        throw new StoreClosedException("the store is closed");
      }
      return readInTransaction(snapshotMaps, work);
    } finally {
      running.readLock().unlock();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // MVStore's snapshot API takes maps of Object
  private <T> T readInTransaction(
      List<? extends MVMap<?, ?>> snapshotMaps, Function<Transaction, T> work) {
    Transaction tx;
    try {
      tx = transactions.begin();
    } catch (MVStoreException | IllegalStateException e) {
      throw translate(e);
    }
    try {
      tx.markStatementStart(snapshotMaps == null ? null : new HashSet(snapshotMaps));
      return work.apply(tx);
    } catch (MVStoreException | IllegalStateException e) {
      throw translate(e);
    } finally {
      try {
        tx.commit(); // read-only: ends the transaction, writes nothing
      } catch (MVStoreException | IllegalStateException e) {
        // The store was closed under us; the read's own outcome (or exception) stands.
      }
    }
  }

  /**
   * Refuses reads from now on and waits up to {@code timeout} for the running ones to end.
   *
   * @return whether every running read ended in time (if not, the store closes under the rest,
   *     which then fail with {@link StoreClosedException})
   */
  boolean close(Duration timeout) {
    closed = true;
    try {
      if (running.writeLock().tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        running.writeLock().unlock();
        catchUpOldestVersion();
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stop waiting; the store still closes
      return false;
    }
  }

  /**
   * MVStore moves the oldest version it keeps forward when a read ends only if the read's thread
   * takes the store lock at once ({@code deregisterVersionUsage} uses {@code tryLock}): a read that
   * ended while a commit held the lock leaves it behind until the next commit, and with none before
   * close, close asserts on it. One version usage taken and released here, when no read runs and
   * nothing else holds the lock, brings it up to date.
   */
  private void catchUpOldestVersion() {
    store.deregisterVersionUsage(store.registerVersionUsage());
  }

  /** An MVStore failure as the store's exception: closed, or internal. */
  StoreException translate(RuntimeException e) {
    if (store.isClosed()) {
      return new StoreClosedException("the store is closed", e);
    }
    return new StoreException("read failed: " + e.getMessage(), e);
  }
}
