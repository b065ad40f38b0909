package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.SortKey;
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
 *   <li>sort with a limit: a heap of {@code offset + limit} records ({@link TopK}); when the source
 *       has an ordered index on the first sort key ({@link RecordSource#visitInFieldOrder}), only
 *       about that many matching records are read at all;
 *   <li>sort without a limit: every <em>matching</em> record is held, then sorted — the caller
 *       asked for all of them in order, and a sort cannot emit its first record before seeing the
 *       last;
 *   <li>aggregation: one accumulator set per group.
 * </ul>
 *
 * <pre>{@code
 * QueryEngine engine = new QueryEngine();
 * Iterator<BlazeRecord> open = engine.stream(query, store.source("bugs"));
 * List<BlazeRecord> perStatus = engine.aggregate(countByStatus, store.source("bugs"));
 * }</pre>
 *
 * <p>Thread-safe: it holds no state.
 */
public final class QueryEngine {

  /** The records {@code query} selects, in order. */
  public List<BlazeRecord> execute(Query query, Iterator<BlazeRecord> source) {
    return execute(query, once(source));
  }

  /** The records {@code query} selects, in order, using the source's index where it helps. */
  public List<BlazeRecord> execute(Query query, RecordSource source) {
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
    return stream(query, once(source));
  }

  /**
   * The records {@code query} selects, in order, as an iterator. Like {@link #stream(Query,
   * Iterator)}, and when the query sorts with a limit and the source has an ordered index on the
   * first sort key, it walks the index and reads about {@code offset + limit} matching records
   * instead of all of them, with the same result.
   */
  public Iterator<BlazeRecord> stream(Query query, RecordSource records) {
    if (query.isAggregation()) {
      throw new InvalidQueryException(
          "", "the query groups or aggregates; it returns rows, not records (run it as Aggregate)");
    }
    RecordFilter filter = RecordFilter.of(query.filters());
    Window window = Window.of(query);
    if (query.sort().isEmpty()) {
      return new FilteredWindow(records.records(), filter, window);
    }
    if (window.limit() != null && window.limit() == 0) {
      return Collections.emptyIterator();
    }
    RecordOrder order = RecordOrder.of(query.sort());
    long end = window.end();
    if (end > 0 && end <= Integer.MAX_VALUE - 8) {
      List<BlazeRecord> viaIndex = firstInIndexOrder(query, records, filter, order, (int) end);
      if (viaIndex != null) {
        return window.apply(viaIndex).iterator();
      }
      Iterator<BlazeRecord> source = records.records();
      TopK top = new TopK((int) end, order);
      while (source.hasNext()) {
        BlazeRecord record = source.next();
        if (Visibility.isVisible(record) && filter.test(record)) {
          top.offer(record);
        }
      }
      return window.apply(top.sorted()).iterator();
    }
    Iterator<BlazeRecord> source = records.records();
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
    return aggregate(query, once(source));
  }

  /** The rows of an aggregation query over {@code records} (see the other overload). */
  public List<BlazeRecord> aggregate(Query query, RecordSource records) {
    if (!query.isAggregation()) {
      throw new InvalidQueryException(
          "aggregates", "an aggregation needs a groupBy field or an aggregate (run it as Query)");
    }
    Grouping.checkColumnsDistinct(query);
    RecordFilter filter = RecordFilter.of(query.filters());
    Grouping grouping = new Grouping(query);
    Iterator<BlazeRecord> source = records.records();
    while (source.hasNext()) {
      BlazeRecord record = source.next();
      if (Visibility.isVisible(record) && filter.test(record)) {
        grouping.add(record);
      }
    }
    return grouping.rows(query);
  }

  /**
   * The first {@code needed} results read in the order of the first sort key's index, or null when
   * the source has no such index. Each run of records the index cannot tell apart goes through a
   * top-K of what is still needed, so the result equals a full stable sort's prefix and memory
   * stays at {@code needed} records plus one run's keys.
   */
  private static List<BlazeRecord> firstInIndexOrder(
      Query query, RecordSource records, RecordFilter filter, RecordOrder order, int needed) {
    SortKey first = query.sort().get(0);
    List<BlazeRecord> results = new ArrayList<>();
    boolean indexed =
        records.visitInFieldOrder(
            first.field(),
            first.descending(),
            run -> {
              TopK top = new TopK(needed - results.size(), order);
              while (run.hasNext()) {
                BlazeRecord record = run.next();
                if (Visibility.isVisible(record) && filter.test(record)) {
                  top.offer(record);
                }
              }
              results.addAll(top.sorted());
              return results.size() < needed;
            });
    return indexed ? results : null;
  }

  /** A source that hands out {@code iterator} (it is read once). */
  private static RecordSource once(Iterator<BlazeRecord> iterator) {
    return () -> iterator;
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
