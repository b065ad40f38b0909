package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.server.query.RecordSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.value.VersionedValue;

/**
 * A collection as the query engine reads it: a paged scan by id ({@link RecordScan}), and, for
 * indexed fields, the records in field order read through the index ({@link IndexKeys}).
 *
 * <p>An index visit runs in one read transaction that sees the index and the records as of one
 * instant, so every index entry finds its record with the value it was indexed under. It lasts as
 * long as the visitor keeps asking for runs; a top-K query stops after a few.
 */
final class StoreRecordSource implements RecordSource {

  private final ReadTransactions reads;
  private final CollectionMaps maps;
  private final RecordCodec codec;
  private final String collection;
  private final StoreOptions options;

  StoreRecordSource(
      ReadTransactions reads,
      CollectionMaps maps,
      RecordCodec codec,
      String collection,
      StoreOptions options) {
    this.reads = reads;
    this.maps = maps;
    this.codec = codec;
    this.collection = collection;
    this.options = options;
  }

  @Override
  public Iterator<BlazeRecord> records() {
    CollectionMaps.Maps collectionMaps = maps.find(collection);
    return new RecordScan(
        reads,
        collectionMaps == null ? null : collectionMaps.records(),
        collection,
        codec,
        options.scanPageRecords());
  }

  @Override
  public boolean visitInFieldOrder(
      String field, boolean descending, Predicate<Iterator<BlazeRecord>> runs) {
    if (!options.indexedFields().contains(field)) {
      return false;
    }
    CollectionMaps.Maps collectionMaps = maps.find(collection);
    if (collectionMaps == null) {
      return true; // never written: no records, in any order
    }
    MVMap<byte[], VersionedValue<byte[]>> indexMap = collectionMaps.indexes().get(field);
    reads.readSnapshot(
        List.of(collectionMaps.records(), indexMap),
        tx -> {
          TransactionMap<byte[], byte[]> index = tx.openMapX(indexMap);
          TransactionMap<byte[], byte[]> records = tx.openMapX(collectionMaps.records());
          if (!descending) {
            visitRuns(index.keyIterator(null, null, false), false, records, runs);
          } else if (visitRuns(
              index.keyIterator(IndexKeys.FIRST_ABSENT_KEY, null, true), true, records, runs)) {
            // Values descending, then the records without a value, which stay last.
            visitRuns(
                index.keyIterator(IndexKeys.FIRST_ABSENT_KEY, null, false), false, records, runs);
          }
          return null;
        });
    return true;
  }

  /** Groups consecutive keys into runs and feeds them; false when the visitor stopped. */
  private boolean visitRuns(
      Iterator<byte[]> keys,
      boolean reversed,
      TransactionMap<byte[], byte[]> records,
      Predicate<Iterator<BlazeRecord>> runs) {
    List<byte[]> run = new ArrayList<>();
    while (keys.hasNext()) {
      byte[] key = keys.next();
      if (!run.isEmpty() && !IndexKeys.sameRun(run.get(0), key)) {
        if (!feed(run, reversed, records, runs)) {
          return false;
        }
        run = new ArrayList<>();
      }
      run.add(key);
    }
    return run.isEmpty() || feed(run, reversed, records, runs);
  }

  private boolean feed(
      List<byte[]> run,
      boolean reversed,
      TransactionMap<byte[], byte[]> records,
      Predicate<Iterator<BlazeRecord>> runs) {
    if (reversed) {
      Collections.reverse(run); // within a run, the stable order: ids ascending
    }
    return runs.test(new RunIterator(run, records));
  }

  /** A run's records, fetched and decoded only as the visitor asks for them. */
  private final class RunIterator implements Iterator<BlazeRecord> {
    private final Iterator<byte[]> keys;
    private final TransactionMap<byte[], byte[]> records;
    private BlazeRecord next;

    RunIterator(List<byte[]> keys, TransactionMap<byte[], byte[]> records) {
      this.keys = keys.iterator();
      this.records = records;
    }

    @Override
    public boolean hasNext() {
      while (next == null && keys.hasNext()) {
        byte[] recordKey = RecordKeys.toKey(IndexKeys.idOf(keys.next()));
        byte[] bytes = records.get(recordKey);
        if (bytes != null) { // always, in a consistent snapshot; defensive otherwise
          next = codec.decode(bytes, collection, recordKey);
        }
      }
      return next != null;
    }

    @Override
    public BlazeRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      BlazeRecord record = next;
      next = null;
      return record;
    }
  }
}
