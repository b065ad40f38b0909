package dev.blazebench.protocol.bugs;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.Filter;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.SortKey;
import dev.blazebench.protocol.workload.BugFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps the Protobuf baseline's typed {@link BugQuery} to and from the shared {@link Query} model,
 * and aggregation rows to and from records, so that the Protobuf API runs the very same queries.
 *
 * <p>Values: a {@code status} operand or group key travels as {@code status_value} when it is one
 * of the three statuses, else as {@code string_value}; dates as {@code timestamp_value}; uuids as
 * 16-byte {@code uuid_value}; the operand of {@code in} as {@code list_value}. A query the typed
 * model cannot express (a field a Bug does not have, a data or dictionary operand) fails with an
 * {@link InvalidQueryException} naming the path.
 */
public final class BugQueryMapping {

  private BugQueryMapping() {}

  /**
   * The shared query {@code query} stands for.
   *
   * @throws InvalidQueryException for an unspecified field, operator or function, or an invalid
   *     query
   */
  public static Query toQuery(BugQuery query) {
    Query.Builder builder = Query.builder();
    for (int i = 0; i < query.getFiltersCount(); i++) {
      String path = "filters[" + i + "]";
      BugFilter filter = query.getFilters(i);
      String field = fieldName(filter.getField(), path + ".field");
      FilterOp op = filterOp(filter.getOp(), path + ".op");
      BlazeValue value = filter.hasValue() ? toValue(filter.getValue(), path + ".value") : null;
      try {
        builder.filter(new Filter(field, op, value));
      } catch (InvalidQueryException e) {
        throw new InvalidQueryException(path + "." + e.path(), e.problem());
      }
    }
    for (int i = 0; i < query.getSortCount(); i++) {
      BugSort sort = query.getSort(i);
      String field =
          sort.getAlias().isEmpty()
              ? fieldName(sort.getField(), "sort[" + i + "].field")
              : sort.getAlias();
      builder.sort(new SortKey(field, sort.getDescending()));
    }
    builder.offset(query.getOffset());
    builder.limit(query.hasLimit() ? query.getLimit() : null);
    for (int i = 0; i < query.getGroupByCount(); i++) {
      builder.groupBy(fieldName(query.getGroupBy(i), "groupBy[" + i + "]"));
    }
    for (int i = 0; i < query.getAggregatesCount(); i++) {
      String path = "aggregates[" + i + "]";
      BugAggregate aggregate = query.getAggregates(i);
      dev.blazebench.protocol.query.AggregateFunction function =
          function(aggregate.getFunction(), path + ".function");
      String field =
          aggregate.getField() == BugField.BUG_FIELD_UNSPECIFIED
              ? null
              : fieldName(aggregate.getField(), path + ".field");
      try {
        builder.aggregate(new Aggregate(function, field, aggregate.getAlias()));
      } catch (InvalidQueryException e) {
        throw new InvalidQueryException(path + "." + e.path(), e.problem());
      }
    }
    return builder.build();
  }

  /**
   * The typed query for {@code query}.
   *
   * @throws InvalidQueryException when it names a field a Bug does not have, or has an operand the
   *     typed values cannot carry
   */
  public static BugQuery fromQuery(Query query) {
    BugQuery.Builder builder = BugQuery.newBuilder();
    for (int i = 0; i < query.filters().size(); i++) {
      String path = "filters[" + i + "]";
      Filter filter = query.filters().get(i);
      BugFilter.Builder typed =
          BugFilter.newBuilder()
              .setField(field(filter.field(), path + ".field"))
              .setOp(FilterOperator.forNumber(filter.op().ordinal() + 1));
      if (filter.value() != null) {
        typed.setValue(fromValue(filter.value(), filter.field(), path + ".value"));
      }
      builder.addFilters(typed);
    }
    Set<String> aliases = new HashSet<>();
    for (Aggregate aggregate : query.aggregates()) {
      aliases.add(aggregate.alias());
    }
    for (int i = 0; i < query.sort().size(); i++) {
      SortKey key = query.sort().get(i);
      BugSort.Builder sort = BugSort.newBuilder().setDescending(key.descending());
      if (aliases.contains(key.field())) {
        sort.setAlias(key.field());
      } else {
        sort.setField(field(key.field(), "sort[" + i + "].field"));
      }
      builder.addSort(sort);
    }
    builder.setOffset(query.offset());
    if (query.limit() != null) {
      builder.setLimit(query.limit());
    }
    for (int i = 0; i < query.groupBy().size(); i++) {
      builder.addGroupBy(field(query.groupBy().get(i), "groupBy[" + i + "]"));
    }
    for (int i = 0; i < query.aggregates().size(); i++) {
      Aggregate aggregate = query.aggregates().get(i);
      BugAggregate.Builder typed =
          BugAggregate.newBuilder()
              .setFunction(AggregateFunction.forNumber(aggregate.function().ordinal() + 1))
              .setAlias(aggregate.alias());
      if (aggregate.field() != null) {
        typed.setField(field(aggregate.field(), "aggregates[" + i + "].field"));
      }
      builder.addAggregates(typed);
    }
    return builder.build();
  }

  /**
   * The record for one aggregation row of {@code query}: each groupBy field and each alias, in the
   * query's order; a null group key or result is a null field.
   */
  public static BlazeRecord rowToRecord(AggregateRow row, Query query) {
    if (row.getGroupCount() != query.groupBy().size()
        || row.getValuesCount() != query.aggregates().size()) {
      throw new BugMappingException(
          "row has "
              + row.getGroupCount()
              + " group values and "
              + row.getValuesCount()
              + " aggregate values; the query has "
              + query.groupBy().size()
              + " groupBy fields and "
              + query.aggregates().size()
              + " aggregates");
    }
    BlazeRecord.Builder record = BlazeRecord.builder();
    for (int i = 0; i < row.getGroupCount(); i++) {
      record.put(query.groupBy().get(i), toValue(row.getGroup(i), "group[" + i + "]"));
    }
    for (int i = 0; i < row.getValuesCount(); i++) {
      record.put(query.aggregates().get(i).alias(), toValue(row.getValues(i), "values[" + i + "]"));
    }
    return record.build();
  }

  /** The typed row for an aggregation result record of {@code query}; absent fields are null. */
  public static AggregateRow rowFromRecord(BlazeRecord record, Query query) {
    AggregateRow.Builder row = AggregateRow.newBuilder();
    for (String field : query.groupBy()) {
      row.addGroup(fromValue(orNull(record.get(field)), field, "row." + field));
    }
    for (Aggregate aggregate : query.aggregates()) {
      String alias = aggregate.alias();
      String valueField = aggregate.function().takesField() ? aggregate.field() : null;
      row.addValues(fromValue(orNull(record.get(alias)), valueField, "row." + alias));
    }
    return row.build();
  }

  /** The shared value of a typed value; a value with no kind set is null. */
  public static BlazeValue toValue(BugValue value, String path) {
    switch (value.getKindCase()) {
      case STRING_VALUE:
        return BlazeValue.string(value.getStringValue());
      case INT_VALUE:
        return BlazeValue.integer(value.getIntValue());
      case DOUBLE_VALUE:
        return BlazeValue.number(value.getDoubleValue());
      case BOOL_VALUE:
        return BlazeValue.bool(value.getBoolValue());
      case UUID_VALUE:
        try {
          return BlazeValue.uuid(UuidBytes.fromByteString(value.getUuidValue()));
        } catch (IllegalArgumentException e) {
          throw new InvalidQueryException(path, e.getMessage());
        }
      case TIMESTAMP_VALUE:
        try {
          return BugMapping.date(value.getTimestampValue(), path);
        } catch (BugMappingException e) {
          throw new InvalidQueryException(path, e.getMessage());
        }
      case STATUS_VALUE:
        try {
          return BlazeValue.string(BugMapping.statusName(value.getStatusValue(), path));
        } catch (BugMappingException e) {
          throw new InvalidQueryException(path, e.getMessage());
        }
      case LIST_VALUE:
        {
          List<BlazeValue> items = new ArrayList<>(value.getListValue().getValuesCount());
          for (int i = 0; i < value.getListValue().getValuesCount(); i++) {
            items.add(toValue(value.getListValue().getValues(i), path + "[" + i + "]"));
          }
          return BlazeValue.array(items);
        }
      default:
        return BlazeValue.nullValue();
    }
  }

  /**
   * The typed value of {@code value}; {@code field} (may be null) is the bug field it belongs to,
   * which decides whether a string is a status.
   */
  public static BugValue fromValue(BlazeValue value, String field, String path) {
    BugValue.Builder typed = BugValue.newBuilder();
    if (value instanceof BlazeValue.StringValue s) {
      Status status = BugFields.STATUS.equals(field) ? BugMapping.statusOrNull(s.value()) : null;
      if (status != null) {
        typed.setStatusValue(status);
      } else {
        typed.setStringValue(s.value());
      }
    } else if (value instanceof BlazeValue.IntValue i) {
      typed.setIntValue(i.value());
    } else if (value instanceof BlazeValue.DoubleValue d) {
      typed.setDoubleValue(d.value());
    } else if (value instanceof BlazeValue.BoolValue b) {
      typed.setBoolValue(b.value());
    } else if (value instanceof BlazeValue.UuidValue u) {
      typed.setUuidValue(UuidBytes.toByteString(u.value()));
    } else if (value instanceof BlazeValue.DateValue date) {
      try {
        typed.setTimestampValue(BugMapping.timestamp(date));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(path, e.getMessage());
      }
    } else if (value instanceof BlazeValue.ArrayValue array) {
      BugValueList.Builder list = BugValueList.newBuilder();
      for (int i = 0; i < array.items().size(); i++) {
        list.addValues(fromValue(array.items().get(i), field, path + "[" + i + "]"));
      }
      typed.setListValue(list);
    } else if (value instanceof BlazeValue.NullValue) {
      typed.setNullValue(com.google.protobuf.NullValue.NULL_VALUE);
    } else {
      throw new InvalidQueryException(
          path, "a " + value.typeName() + " value has no typed form in the Protobuf API");
    }
    return typed.build();
  }

  private static BlazeValue orNull(BlazeValue value) {
    return value == null ? BlazeValue.nullValue() : value;
  }

  private static String fieldName(BugField field, String path) {
    try {
      return BugFieldNames.nameOf(field, path);
    } catch (BugMappingException e) {
      throw new InvalidQueryException(path, "no bug field for " + field);
    }
  }

  private static BugField field(String name, String path) {
    BugField field = BugFieldNames.fieldOrNull(name);
    if (field == null) {
      throw new InvalidQueryException(path, "\"" + name + "\" is not a field of Bug");
    }
    return field;
  }

  private static FilterOp filterOp(FilterOperator op, String path) {
    if (op == FilterOperator.UNRECOGNIZED
        || op.getNumber() < 1
        || op.getNumber() > FilterOp.values().length) {
      throw new InvalidQueryException(path, "no operator for " + op);
    }
    return FilterOp.values()[op.getNumber() - 1];
  }

  private static dev.blazebench.protocol.query.AggregateFunction function(
      AggregateFunction function, String path) {
    dev.blazebench.protocol.query.AggregateFunction[] all =
        dev.blazebench.protocol.query.AggregateFunction.values();
    if (function == AggregateFunction.UNRECOGNIZED
        || function.getNumber() < 1
        || function.getNumber() > all.length) {
      throw new InvalidQueryException(path, "no aggregate function for " + function);
    }
    return all[function.getNumber() - 1];
  }
}
