package dev.blazebench.server.query;

import dev.blazebench.protocol.query.Query;
import java.util.List;

/** A query's offset and limit: which slice of the ordered results is returned. */
record Window(int offset, Integer limit) {

  static Window of(Query query) {
    return new Window(query.offset(), query.limit());
  }

  /** Offset plus limit: how many leading results matter; -1 when there is no limit. */
  long end() {
    return limit == null ? -1 : (long) offset + limit;
  }

  <T> List<T> apply(List<T> ordered) {
    int from = Math.min(offset, ordered.size());
    int to = limit == null ? ordered.size() : (int) Math.min(ordered.size(), (long) from + limit);
    return List.copyOf(ordered.subList(from, to));
  }
}
