package dev.blazebench.server.store;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.value.VersionedValue;

/**
 * The MVStore maps holding each collection's records (16-byte id to BlazeBinary bytes), opened once
 * and shared: readers look a collection up without creating it, and only the writer creates one.
 *
 * <p>Keys and values use H2's built-in {@link ByteArrayDataType} (unsigned byte order), so the file
 * depends on no class of ours: renaming our code never makes old data unreadable.
 */
final class CollectionMaps {

  private final ConcurrentMap<String, MVMap<byte[], VersionedValue<byte[]>>> maps =
      new ConcurrentHashMap<>();

  /** Opens every collection already in the file. */
  void openExisting(TransactionStore transactions, MVStore store) {
    Transaction tx = transactions.begin();
    try {
      for (String mapName : store.getMapNames()) {
        String collection = CollectionNames.collectionOf(mapName);
        if (collection != null) {
          maps.put(collection, open(tx, collection).map);
        }
      }
    } finally {
      tx.commit();
    }
  }

  /** The collection's map, or null when the collection has never been written. */
  MVMap<byte[], VersionedValue<byte[]>> find(String collection) {
    return maps.get(collection);
  }

  /** The collection's map in {@code tx}, created on first use (only the writer calls this). */
  TransactionMap<byte[], byte[]> openForWrite(Transaction tx, String collection) {
    MVMap<byte[], VersionedValue<byte[]>> map = maps.get(collection);
    if (map != null) {
      return tx.openMapX(map);
    }
    TransactionMap<byte[], byte[]> opened = open(tx, collection);
    maps.put(collection, opened.map);
    return opened;
  }

  /** Names of the collections that have been written, sorted. */
  Set<String> names() {
    return new TreeSet<>(maps.keySet());
  }

  private static TransactionMap<byte[], byte[]> open(Transaction tx, String collection) {
    return tx.openMap(
        CollectionNames.recordsMapName(collection),
        ByteArrayDataType.INSTANCE,
        ByteArrayDataType.INSTANCE);
  }
}
