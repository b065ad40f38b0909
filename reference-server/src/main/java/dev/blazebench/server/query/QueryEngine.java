package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Runs a {@link Query} over a collection's records with BlazeDB's semantics, the same for every
 * API: drop soft-deleted records ({@link Visibility}), keep those matching every filter ({@link
 * RecordFilter}), then either sort ({@link RecordOrder}), skip {@code offset} and take {@code
 * limit}, or group and aggregate ({@link #aggregate}).
 *
 * <p>The source is any iterator of records in a stable order (the store's is by id); records that
 * sort equal keep that order. Memory stays bounded by the shape of the query, never by the size of
 * the collection, except where a full sort is asked for:
 *
 * <ul>
 *   <li>no sort: records stream through one at a time, and the source is not read past the last
 *       record the limit needs;
 *   <li>sort with a limit: a heap of {@code offset + limit} records ({@link TopK});
 *   <li>sort without a limit: every <em>matching</em> record is held, then sorted — the caller
 *       asked for all of them in order, and a sort cannot emit its first record before seeing the
 *       last;
 *   <li>aggregation: one accumulator set per group.
 * </ul>
 *
 * <pre>{@code
 * QueryEngine engine = new QueryEngine();
 * Iterator<BlazeRecord> open = engine.stream(query, store.scan("bugs"));
 * List<BlazeRecord> perStatus = engine.aggregate(countByStatus, store.scan("bugs"));
 * }</pre>
 *
 * <p>Thread-safe: it holds no state.
 */
public final class QueryEngine {

  /** The records {@code query} selects, in order. */
  public List<BlazeRecord> execute(Query query, Iterator<BlazeRecord> source) {
    Iterator<BlazeRecord> results = stream(query, source);
    List<BlazeRecord> list = new ArrayList<>();
    results.forEachRemaining(list::add);
    return list;
  }

  /**
   * The records {@code query} selects, in order, as an iterator for streaming responses. Without a
   * sort it is lazy and reads the source only as far as the caller iterates.
   *
   * @throws InvalidQueryException when the query groups or aggregates (use {@link #aggregate})
   */
  public Iterator<BlazeRecord> stream(Query query, Iterator<BlazeRecord> source) {
    if (query.isAggregation()) {
      throw new InvalidQueryException(
          "", "the query groups or aggregates; it returns rows, not records (run it as Aggregate)");
    }
    RecordFilter filter = RecordFilter.of(query.filters());
    Window window = Window.of(query);
    if (query.sort().isEmpty()) {
      return new FilteredWindow(source, filter, window);
    }
    if (window.limit() != null && window.limit() == 0) {
      return Collections.emptyIterator();
    }
    RecordOrder order = RecordOrder.of(query.sort());
    long end = window.end();
    if (end > 0 && end <= Integer.MAX_VALUE - 8) {
      TopK top = new TopK((int) end, order);
      while (source.hasNext()) {
        BlazeRecord record = source.next();
        if (Visibility.isVisible(record) && filter.test(record)) {
          top.offer(record);
        }
      }
      return window.apply(top.sorted()).iterator();
    }
    List<BlazeRecord> matching = new ArrayList<>();
    while (source.hasNext()) {
      BlazeRecord record = source.next();
      if (Visibility.isVisible(record) && filter.test(record)) {
        matching.add(record);
      }
    }
    matching.sort(order); // stable: ties keep the source's order
    return window.apply(matching).iterator();
  }

  /**
   * The rows of an aggregation query: one per group, each holding the groupBy fields and one column
   * per aggregate alias ({@link Grouping}, {@link Accumulator}), sorted, then windowed by offset
   * and limit.
   *
   * @throws InvalidQueryException when the query neither groups nor aggregates, or when two result
   *     columns are canonically equivalent names
   */
  public List<BlazeRecord> aggregate(Query query, Iterator<BlazeRecord> source) {
    if (!query.isAggregation()) {
      throw new InvalidQueryException(
          "aggregates", "an aggregation needs a groupBy field or an aggregate (run it as Query)");
    }
    Grouping.checkColumnsDistinct(query);
    RecordFilter filter = RecordFilter.of(query.filters());
    Grouping grouping = new Grouping(query);
    while (source.hasNext()) {
      BlazeRecord record = source.next();
      if (Visibility.isVisible(record) && filter.test(record)) {
        grouping.add(record);
      }
    }
    return grouping.rows(query);
  }

  /** Unsorted results, lazily: visible, matching, past the offset, up to the limit. */
  private static final class FilteredWindow implements Iterator<BlazeRecord> {
    private final Iterator<BlazeRecord> source;
    private final RecordFilter filter;
    private int toSkip;
    private long remaining; // -1: no limit
    private BlazeRecord next;

    FilteredWindow(Iterator<BlazeRecord> source, RecordFilter filter, Window window) {
      this.source = source;
      this.filter = filter;
      this.toSkip = window.offset();
      this.remaining = window.limit() == null ? -1 : window.limit();
    }

    @Override
    public boolean hasNext() {
      // Once the limit is met the source is not touched again: a scan stops early.
      while (next == null && remaining != 0 && source.hasNext()) {
        BlazeRecord record = source.next();
        if (!Visibility.isVisible(record) || !filter.test(record)) {
          continue;
        }
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        next = record;
        if (remaining > 0) {
          remaining--;
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
