package dev.blazebench.protocol.query;

import dev.blazebench.binary.BlazeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to read from a collection: the one query model every API shares (BlazeBinary query document,
 * Protobuf {@code BugQuery}, JSON), so that every API runs the same query.
 *
 * <p>Evaluation order: keep the records matching every filter; if this is an aggregation (a groupBy
 * field or an aggregate is present), group them and compute one row per group; sort; skip {@code
 * offset}; take {@code limit}.
 *
 * <p>Construction validates the whole query and fails with {@link InvalidQueryException}: negative
 * offset or limit, empty or repeated groupBy fields, repeated aggregate aliases or an alias equal
 * to a groupBy field, and, in an aggregation, a sort key that is neither a groupBy field nor an
 * alias.
 *
 * <pre>{@code
 * Query open = Query.builder()
 *     .where("status", FilterOp.EQ, BlazeValue.string("open"))
 *     .sortDescending("createdAt")
 *     .limit(100)
 *     .build();
 * Query perStatus = Query.builder().groupBy("status").aggregate(Aggregate.count("n")).build();
 * }</pre>
 *
 * @param filters conditions that must all hold
 * @param sort sort keys, most significant first
 * @param offset rows to skip, at least 0
 * @param limit most rows to return, at least 0; null for no limit
 * @param groupBy fields to group by (an aggregation when non-empty)
 * @param aggregates aggregates per group (an aggregation when non-empty); with no groupBy field
 *     they make one row over all matching records
 */
public record Query(
    List<Filter> filters,
    List<SortKey> sort,
    int offset,
    Integer limit,
    List<String> groupBy,
    List<Aggregate> aggregates) {

  private static final Query ALL = new Query(List.of(), List.of(), 0, null, List.of(), List.of());

  public Query {
    filters = copyWithoutNulls(filters, "filters");
    sort = copyWithoutNulls(sort, "sort");
    groupBy = copyWithoutNulls(groupBy, "groupBy");
    aggregates = copyWithoutNulls(aggregates, "aggregates");
    if (offset < 0) {
      throw new InvalidQueryException("offset", "must not be negative, was " + offset);
    }
    if (limit != null && limit < 0) {
      throw new InvalidQueryException("limit", "must not be negative, was " + limit);
    }
    Set<String> groupFields = new HashSet<>();
    for (int i = 0; i < groupBy.size(); i++) {
      String field = groupBy.get(i);
      if (field.isEmpty()) {
        throw new InvalidQueryException("groupBy[" + i + "]", "must be a non-empty field name");
      }
      if (!groupFields.add(field)) {
        throw new InvalidQueryException("groupBy[" + i + "]", "repeats field \"" + field + "\"");
      }
    }
    Set<String> aliases = new HashSet<>();
    for (int i = 0; i < aggregates.size(); i++) {
      String alias = aggregates.get(i).alias();
      if (groupFields.contains(alias)) {
        throw new InvalidQueryException(
            "aggregates[" + i + "].alias",
            "alias \"" + alias + "\" is also a groupBy field; result columns must be unique");
      }
      if (!aliases.add(alias)) {
        throw new InvalidQueryException(
            "aggregates[" + i + "].alias", "repeats alias \"" + alias + "\"");
      }
    }
    if (!groupBy.isEmpty() || !aggregates.isEmpty()) {
      for (int i = 0; i < sort.size(); i++) {
        String field = sort.get(i).field();
        if (!groupFields.contains(field) && !aliases.contains(field)) {
          throw new InvalidQueryException(
              "sort[" + i + "].field",
              "an aggregation sorts by a groupBy field or an aggregate alias; \""
                  + field
                  + "\" is neither");
        }
      }
    }
  }

  /** Every record, in the store's order. */
  public static Query all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the query groups or aggregates (served by {@code Aggregate}, not {@code Query}). */
  public boolean isAggregation() {
    return !groupBy.isEmpty() || !aggregates.isEmpty();
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.filters.addAll(filters);
    builder.sort.addAll(sort);
    builder.offset = offset;
    builder.limit = limit;
    builder.groupBy.addAll(groupBy);
    builder.aggregates.addAll(aggregates);
    return builder;
  }

  private static <T> List<T> copyWithoutNulls(List<T> items, String name) {
    if (items == null) {
      return List.of();
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new InvalidQueryException(name + "[" + i + "]", "must not be null");
      }
    }
    return List.copyOf(items);
  }

  /** Collects the parts of a query; {@link #build()} validates them. */
  public static final class Builder {
    private final List<Filter> filters = new ArrayList<>();
    private final List<SortKey> sort = new ArrayList<>();
    private int offset;
    private Integer limit;
    private final List<String> groupBy = new ArrayList<>();
    private final List<Aggregate> aggregates = new ArrayList<>();

    private Builder() {}

    public Builder filter(Filter filter) {
      filters.add(filter);
      return this;
    }

    /** Adds the filter {@code field op value}. */
    public Builder where(String field, FilterOp op, BlazeValue value) {
      return filter(new Filter(field, op, value));
    }

    /** Adds {@code field == value}. */
    public Builder whereEquals(String field, BlazeValue value) {
      return filter(Filter.eq(field, value));
    }

    /** Adds {@code field in values}. */
    public Builder whereIn(String field, List<? extends BlazeValue> values) {
      return filter(new Filter(field, FilterOp.IN, BlazeValue.array(values)));
    }

    public Builder sort(SortKey key) {
      sort.add(key);
      return this;
    }

    public Builder sortAscending(String field) {
      return sort(SortKey.ascending(field));
    }

    public Builder sortDescending(String field) {
      return sort(SortKey.descending(field));
    }

    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /** At most {@code limit} rows; null for no limit. */
    public Builder limit(Integer limit) {
      this.limit = limit;
      return this;
    }

    public Builder groupBy(String... fields) {
      groupBy.addAll(List.of(fields));
      return this;
    }

    public Builder aggregate(Aggregate aggregate) {
      aggregates.add(aggregate);
      return this;
    }

    /** Adds {@code alias = function(field)}. */
    public Builder aggregate(AggregateFunction function, String field, String alias) {
      return aggregate(new Aggregate(function, field, alias));
    }

    /** The validated query. */
    public Query build() {
      return new Query(filters, sort, offset, limit, groupBy, aggregates);
    }
  }
}
