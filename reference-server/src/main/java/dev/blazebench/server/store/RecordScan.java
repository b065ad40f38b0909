package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.server.query.Visibility;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.value.VersionedValue;

/**
 * The visible records of a collection in id order, read a page at a time: each page is one short
 * read transaction that resumes after the last id seen, so a scan holds one page of records and no
 * database snapshot between pages, however slowly its consumer reads.
 *
 * <p>Each page sees committed data only. Across pages the scan is not a snapshot: a record written
 * while the scan runs appears if its id is still ahead of the scan, and no record appears twice.
 */
final class RecordScan implements Iterator<BlazeRecord> {

  private final ReadTransactions reads;
  private final MVMap<byte[], VersionedValue<byte[]>> map;
  private final String collection;
  private final RecordCodec codec;
  private final int pageRecords;
  private final ArrayDeque<BlazeRecord> page = new ArrayDeque<>();
  private byte[] lastKey;
  private boolean exhausted;

  RecordScan(
      ReadTransactions reads,
      MVMap<byte[], VersionedValue<byte[]>> map,
      String collection,
      RecordCodec codec,
      int pageRecords) {
    this.reads = reads;
    this.map = map;
    this.collection = collection;
    this.codec = codec;
    this.pageRecords = pageRecords;
    this.exhausted = map == null;
  }

  @Override
  public boolean hasNext() {
    while (page.isEmpty() && !exhausted) {
      readPage();
    }
    return !page.isEmpty();
  }

  @Override
  public BlazeRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.poll();
  }

  private void readPage() {
    List<Map.Entry<byte[], byte[]>> entries =
        reads.read(
            tx -> {
              TransactionMap<byte[], byte[]> records = tx.openMapX(map);
              Iterator<Map.Entry<byte[], byte[]>> it = records.entryIterator(lastKey, null);
              List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(pageRecords);
              while (out.size() < pageRecords && it.hasNext()) {
                Map.Entry<byte[], byte[]> entry = it.next();
                if (lastKey == null || !Arrays.equals(entry.getKey(), lastKey)) {
                  out.add(entry); // the iterator starts at lastKey inclusive
                }
              }
              return out;
            });
    if (entries.size() < pageRecords) {
      exhausted = true; // a short page: the map had no more keys
    }
    for (Map.Entry<byte[], byte[]> entry : entries) {
      lastKey = entry.getKey();
      BlazeRecord record = codec.decode(entry.getValue(), collection, entry.getKey());
      if (Visibility.isVisible(record)) {
        page.add(record);
      }
    }
  }
}
