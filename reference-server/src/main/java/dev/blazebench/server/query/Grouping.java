package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.NullValue;
import dev.blazebench.binary.BlazeValue.StringValue;
import dev.blazebench.binary.KeyOrder;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.SortKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups matching records by the query's groupBy fields and computes one row per group: the groupBy
 * fields with the group's values, then one column per aggregate, named by its alias.
 *
 * <p>Groups are told apart as BlazeDB tells them apart (it keys each group by the values' text):
 * values of different types are different groups, so the int 1 and the double 1.0 make two groups;
 * strings that are canonically equivalent make one. A record whose groupBy field is missing or null
 * belongs to the group whose value is null, and the row says null. With no groupBy field there is
 * exactly one row, even when nothing matched (count 0, other aggregates null).
 *
 * <p>Memory grows with the number of groups, not with the number of records.
 */
final class Grouping {

  private final List<String> groupBy;
  private final List<Aggregate> aggregates;
  private final Map<List<BlazeValue>, Group> groups = new LinkedHashMap<>();

  private final class Group {
    final BlazeValue[] values;
    final Accumulator[] accumulators;

    Group(BlazeValue[] values) {
      this.values = values;
      accumulators = new Accumulator[aggregates.size()];
      for (int i = 0; i < accumulators.length; i++) {
        accumulators[i] = Accumulator.of(aggregates.get(i));
      }
    }

    void add(BlazeRecord record) {
      for (int i = 0; i < accumulators.length; i++) {
        String field = aggregates.get(i).field();
        accumulators[i].add(field == null ? null : FieldValues.presentOrNull(record, field));
      }
    }

    BlazeRecord row() {
      BlazeRecord.Builder row = BlazeRecord.builder();
      for (int i = 0; i < values.length; i++) {
        row.put(groupBy.get(i), values[i]);
      }
      for (int i = 0; i < accumulators.length; i++) {
        row.put(aggregates.get(i).alias(), accumulators[i].result());
      }
      return row.build();
    }
  }

  Grouping(Query query) {
    this.groupBy = query.groupBy();
    this.aggregates = query.aggregates();
    if (groupBy.isEmpty()) {
      groups.put(List.of(), new Group(new BlazeValue[0]));
    }
  }

  void add(BlazeRecord record) {
    BlazeValue[] values = new BlazeValue[groupBy.size()];
    BlazeValue[] identity = new BlazeValue[values.length];
    for (int i = 0; i < values.length; i++) {
      BlazeValue value = FieldValues.presentOrNull(record, groupBy.get(i));
      values[i] = value == null ? NullValue.INSTANCE : value;
      identity[i] = identityOf(values[i]);
    }
    groups.computeIfAbsent(Arrays.asList(identity), k -> new Group(values)).add(record);
  }

  /**
   * The rows: by the groupBy values ascending (null groups last), then stably re-sorted by the
   * query's sort keys, then offset and limit.
   */
  List<BlazeRecord> rows(Query query) {
    List<BlazeRecord> rows = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      rows.add(group.row());
    }
    List<SortKey> byGroup = new ArrayList<>(groupBy.size());
    for (String field : groupBy) {
      byGroup.add(SortKey.ascending(field));
    }
    rows.sort(RecordOrder.of(byGroup));
    if (!query.sort().isEmpty()) {
      rows.sort(RecordOrder.of(query.sort()));
    }
    return Window.of(query).apply(rows);
  }

  /** What decides group membership: the value itself, with strings in NFC. */
  private static BlazeValue identityOf(BlazeValue value) {
    if (value instanceof StringValue s) {
      return new StringValue(KeyOrder.normalize(s.value()));
    }
    return value;
  }

  /** Column names that Swift would read as one key (canonically equivalent) make no row. */
  static void checkColumnsDistinct(Query query) {
    Map<String, String> seen = new HashMap<>();
    List<String> columns = new ArrayList<>(query.groupBy());
    for (Aggregate aggregate : query.aggregates()) {
      columns.add(aggregate.alias());
    }
    for (String column : columns) {
      String earlier = seen.putIfAbsent(KeyOrder.normalize(column), column);
      if (earlier != null) {
        throw new InvalidQueryException(
            "aggregates",
            "result columns \""
                + earlier
                + "\" and \""
                + column
                + "\" are the same name (canonically equivalent Unicode)");
      }
    }
  }
}
