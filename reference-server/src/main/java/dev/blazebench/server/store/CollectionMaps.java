package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * The MVStore maps of each collection, opened once and shared: readers look a collection up without
 * creating it, and only the writer creates one.
 *
 * <ul>
 *   <li>{@code records:<collection>}: 16-byte id to BlazeBinary v1 bytes.
 *   <li>{@code index\u0001<collection>\u0001<field>}: one key per record ({@link IndexKeys}), for
 *       each field in {@link StoreOptions#indexedFields()}. (Collection names cannot hold U+0001,
 *       so the first one after the prefix ends the collection name.)
 * </ul>
 *
 * <p>Keys and values use H2's built-in {@link ByteArrayDataType} (unsigned byte order), so the file
 * depends on no class of ours: renaming our code never makes old data unreadable.
 */
final class CollectionMaps {

  /** The value of every index entry: the key says it all. */
  static final byte[] NO_VALUE = new byte[0];

  private static final String RECORDS_PREFIX = "records:";
  private static final String INDEX_PREFIX = "index\u0001";
  private static final char INDEX_SEPARATOR = '\u0001';

  /** One collection's maps. {@code indexes} is keyed by field name and never changes. */
  record Maps(
      MVMap<byte[], VersionedValue<byte[]>> records,
      Map<String, MVMap<byte[], VersionedValue<byte[]>>> indexes) {}

  private final Set<String> indexedFields;
  private final RecordCodec codec;
  private final ConcurrentMap<String, Maps> collections = new ConcurrentHashMap<>();

  CollectionMaps(Set<String> indexedFields, RecordCodec codec) {
    this.indexedFields = indexedFields;
    this.codec = codec;
  }

  /**
   * Opens every collection already in the file, drops indexes on fields no longer indexed, and
   * builds indexes on newly indexed fields (one transaction per index: a crash while building
   * leaves no partial index).
   */
  void openExisting(TransactionStore transactions, MVStore store) {
    Map<String, Map<String, String>> indexMapNames = new TreeMap<>();
    List<String> recordMapNames = new ArrayList<>();
    for (String mapName : store.getMapNames()) {
      if (mapName.startsWith(RECORDS_PREFIX)) {
        recordMapNames.add(mapName);
      } else if (mapName.startsWith(INDEX_PREFIX)) {
        int end = mapName.indexOf(INDEX_SEPARATOR, INDEX_PREFIX.length());
        String collection = mapName.substring(INDEX_PREFIX.length(), end);
        String field = mapName.substring(end + 1);
        indexMapNames.computeIfAbsent(collection, c -> new TreeMap<>()).put(field, mapName);
      }
    }
    Transaction tx = transactions.begin();
    try {
      for (Map<String, String> byField : indexMapNames.values()) {
        for (Map.Entry<String, String> index : byField.entrySet()) {
          if (!indexedFields.contains(index.getKey())) {
            tx.removeMap(openMap(tx, index.getValue()));
          }
        }
      }
    } finally {
      tx.commit();
    }
    for (String mapName : recordMapNames) {
      String collection = mapName.substring(RECORDS_PREFIX.length());
      Map<String, String> existing = indexMapNames.getOrDefault(collection, Map.of());
      Map<String, MVMap<byte[], VersionedValue<byte[]>>> indexes = new ConcurrentHashMap<>();
      Transaction open = transactions.begin();
      MVMap<byte[], VersionedValue<byte[]>> records;
      try {
        records = openMap(open, mapName).map;
        for (String field : indexedFields) {
          if (existing.containsKey(field)) {
            indexes.put(field, openMap(open, existing.get(field)).map);
          }
        }
      } finally {
        open.commit();
      }
      for (String field : indexedFields) {
        if (!indexes.containsKey(field)) {
          indexes.put(field, buildIndex(transactions, collection, field));
        }
      }
      collections.put(collection, new Maps(records, Map.copyOf(indexes)));
    }
  }

  private MVMap<byte[], VersionedValue<byte[]>> buildIndex(
      TransactionStore transactions, String collection, String field) {
    Transaction tx = transactions.begin();
    try {
      TransactionMap<byte[], byte[]> records = openMap(tx, recordsMapName(collection));
      TransactionMap<byte[], byte[]> index = openMap(tx, indexMapName(collection, field));
      Iterator<Map.Entry<byte[], byte[]>> entries = records.entryIterator(null, null);
      while (entries.hasNext()) {
        Map.Entry<byte[], byte[]> entry = entries.next();
        BlazeRecord record = codec.decode(entry.getValue(), collection, entry.getKey());
        index.put(IndexKeys.key(record, field, RecordKeys.fromKey(entry.getKey())), NO_VALUE);
      }
      tx.commit();
      return index.map;
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    }
  }

  /** The collection's maps, or null when the collection has never been written. */
  Maps find(String collection) {
    return collections.get(collection);
  }

  /** The collection's maps, created on first use (only the writer calls this). */
  Maps openForWrite(Transaction tx, String collection) {
    Maps maps = collections.get(collection);
    if (maps != null) {
      return maps;
    }
    Map<String, MVMap<byte[], VersionedValue<byte[]>>> indexes = new TreeMap<>();
    for (String field : indexedFields) {
      indexes.put(field, openMap(tx, indexMapName(collection, field)).map);
    }
    maps = new Maps(openMap(tx, recordsMapName(collection)).map, Map.copyOf(indexes));
    collections.put(collection, maps);
    return maps;
  }

  /** Names of the collections that have been written, sorted. */
  Set<String> names() {
    return new TreeSet<>(collections.keySet());
  }

  static String recordsMapName(String collection) {
    return RECORDS_PREFIX + collection;
  }

  static String indexMapName(String collection, String field) {
    return INDEX_PREFIX + collection + INDEX_SEPARATOR + field;
  }

  private static TransactionMap<byte[], byte[]> openMap(Transaction tx, String mapName) {
    return tx.openMap(mapName, ByteArrayDataType.INSTANCE, ByteArrayDataType.INSTANCE);
  }
}
