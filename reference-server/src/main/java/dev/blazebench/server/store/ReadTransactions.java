package dev.blazebench.server.store;

import java.util.HashSet;
import java.util.List;
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
 */
final class ReadTransactions {

  private final TransactionStore transactions;
  private final MVStore store;

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

  @SuppressWarnings({"unchecked", "rawtypes"}) // MVStore's snapshot API takes maps of Object
  private <T> T read(List<? extends MVMap<?, ?>> snapshotMaps, Function<Transaction, T> work) {
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

  /** An MVStore failure as the store's exception: closed, or internal. */
  StoreException translate(RuntimeException e) {
    if (store.isClosed()) {
      return new StoreClosedException("the store is closed", e);
    }
    return new StoreException("read failed: " + e.getMessage(), e);
  }
}
