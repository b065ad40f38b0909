package dev.blazebench.protocol.query;

/**
 * One sort key. Keys apply in order; ties keep the store's order (by id). Missing and null values
 * sort after every other value in ascending and in descending order alike, as BlazeDB's "nil sorts
 * last" does.
 *
 * @param field a top-level field name, or in an aggregation a groupBy field or an aggregate alias
 * @param descending true for largest first
 */
public record SortKey(String field, boolean descending) {

  public SortKey {
    if (field == null || field.isEmpty()) {
      throw new InvalidQueryException("field", "must be a non-empty field name");
    }
  }

  public static SortKey ascending(String field) {
    return new SortKey(field, false);
  }

  public static SortKey descending(String field) {
    return new SortKey(field, true);
  }
}
