package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Where a query reads a collection from: every record in a stable order (the store's is by id),
 * and, when the source keeps an ordered index on a field, the records in that field's order.
 *
 * <p>Records may include soft-deleted ones; the engine hides them.
 */
public interface RecordSource {

  /** Every record, in the source's stable order. */
  Iterator<BlazeRecord> records();

  /**
   * Feeds the records to {@code runs} in the order of {@code field} — ascending, or descending — as
   * {@link RecordOrder} orders one sort key, missing and null values last either way, if this
   * source has an ordered index on {@code field}; returns false at once otherwise.
   *
   * <p>Records come in <em>runs</em>: each run holds records whose values the index cannot tell
   * apart, in the source's stable order; values in an earlier run sort strictly before those in a
   * later one. Records within a run are not necessarily equal and must be sorted by the caller.
   * {@code runs} returns false to stop early. The default has no index.
   *
   * @return true when the records were fed in field order (possibly none, or stopped early)
   */
  default boolean visitInFieldOrder(
      String field, boolean descending, Predicate<Iterator<BlazeRecord>> runs) {
    return false;
  }

  /** A source of {@code records} with no index: the engine sorts them itself. */
  static RecordSource of(Iterable<BlazeRecord> records) {
    return records::iterator;
  }
}
