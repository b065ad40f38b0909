package dev.blazebench.server.core;

import dev.blazebench.binary.BlazeRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A query's results cut into batches, produced one at a time as {@link #next()} is called: the
 * streaming form every StreamQuery adapter sends from. Only the batch being built is held here, so
 * a caller that sends a batch before asking for the next one keeps memory bounded by the batch size
 * however large the collection.
 *
 * <p>Not thread-safe; one caller at a time (an adapter's send loop). {@link #close()} stops early
 * and releases the underlying read; the store reads a page per transaction, so nothing stays open
 * between batches in any case, and closing twice is harmless.
 */
public final class RecordBatches implements Iterator<List<BlazeRecord>>, AutoCloseable {

  private final Iterator<BlazeRecord> records;
  private final int batchSize;
  private boolean closed;
  private long recordsSent;

  RecordBatches(Iterator<BlazeRecord> records, int batchSize) {
    this.records = records;
    this.batchSize = batchSize;
  }

  @Override
  public boolean hasNext() {
    return !closed && records.hasNext();
  }

  /** The next batch: between 1 and {@code batchSize} records. */
  @Override
  public List<BlazeRecord> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches");
    }
    List<BlazeRecord> batch = new ArrayList<>(Math.min(batchSize, 1024));
    while (batch.size() < batchSize && records.hasNext()) {
      batch.add(records.next());
    }
    recordsSent += batch.size();
    return batch;
  }

  /** Records handed out so far. */
  public long recordCount() {
    return recordsSent;
  }

  public int batchSize() {
    return batchSize;
  }

  @Override
  public void close() {
    closed = true;
  }
}
