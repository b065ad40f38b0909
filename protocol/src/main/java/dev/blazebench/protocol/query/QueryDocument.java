package dev.blazebench.protocol.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query document: a {@link Query} as a BlazeBinary record, the {@code query} payload of the
 * BlazeBinary APIs. protocol/README.md gives its exact shape for clients in other languages:
 *
 * <pre>
 * {
 *   "filters":    [ {"field": string, "op": string, "value": any}, ... ],
 *   "sort":       [ {"field": string, "descending": bool}, ... ],
 *   "offset":     int,
 *   "limit":      int | null,
 *   "groupBy":    [ string, ... ],
 *   "aggregates": [ {"function": string, "field": string, "alias": string}, ... ]
 * }
 * </pre>
 *
 * Every key is optional. {@code value} is absent for {@code isNull}/{@code notNull} (a null there
 * is taken as absent) and an array for {@code in}; {@code descending} defaults to false; {@code
 * field} is absent for {@code count}. {@link #toRecord} writes only what differs from the defaults,
 * so {@link Query#all()} is the empty record. {@link #fromRecord} accepts nothing else: an unknown
 * key, a wrong type or a value that does not fit its operator fails with an {@link
 * InvalidQueryException} naming the path, e.g. {@code filters[1].op: unknown operator "equals"}.
 */
public final class QueryDocument {

  static final String FILTERS = "filters";
  static final String SORT = "sort";
  static final String OFFSET = "offset";
  static final String LIMIT = "limit";
  static final String GROUP_BY = "groupBy";
  static final String AGGREGATES = "aggregates";
  static final String FIELD = "field";
  static final String OP = "op";
  static final String VALUE = "value";
  static final String DESCENDING = "descending";
  static final String FUNCTION = "function";
  static final String ALIAS = "alias";

  static final Set<String> QUERY_KEYS = Set.of(FILTERS, SORT, OFFSET, LIMIT, GROUP_BY, AGGREGATES);
  static final String QUERY_KEY_LIST = "filters, sort, offset, limit, groupBy, aggregates";

  private QueryDocument() {}

  /** {@code query} as a query document record; default parts are left out. */
  public static BlazeRecord toRecord(Query query) {
    BlazeRecord.Builder doc = BlazeRecord.builder();
    if (!query.filters().isEmpty()) {
      List<BlazeValue> filters = new ArrayList<>(query.filters().size());
      for (Filter filter : query.filters()) {
        BlazeRecord.Builder entry =
            BlazeRecord.builder()
                .put(FIELD, BlazeValue.string(filter.field()))
                .put(OP, BlazeValue.string(filter.op().wireName()));
        if (filter.value() != null) {
          entry.put(VALUE, filter.value());
        }
        filters.add(new BlazeValue.DictionaryValue(entry.build()));
      }
      doc.put(FILTERS, BlazeValue.array(filters));
    }
    if (!query.sort().isEmpty()) {
      List<BlazeValue> keys = new ArrayList<>(query.sort().size());
      for (SortKey key : query.sort()) {
        BlazeRecord.Builder entry =
            BlazeRecord.builder().put(FIELD, BlazeValue.string(key.field()));
        if (key.descending()) {
          entry.put(DESCENDING, BlazeValue.bool(true));
        }
        keys.add(new BlazeValue.DictionaryValue(entry.build()));
      }
      doc.put(SORT, BlazeValue.array(keys));
    }
    if (query.offset() != 0) {
      doc.put(OFFSET, BlazeValue.integer(query.offset()));
    }
    if (query.limit() != null) {
      doc.put(LIMIT, BlazeValue.integer(query.limit()));
    }
    if (!query.groupBy().isEmpty()) {
      List<BlazeValue> fields = new ArrayList<>(query.groupBy().size());
      for (String field : query.groupBy()) {
        fields.add(BlazeValue.string(field));
      }
      doc.put(GROUP_BY, BlazeValue.array(fields));
    }
    if (!query.aggregates().isEmpty()) {
      List<BlazeValue> aggregates = new ArrayList<>(query.aggregates().size());
      for (Aggregate aggregate : query.aggregates()) {
        BlazeRecord.Builder entry =
            BlazeRecord.builder().put(FUNCTION, BlazeValue.string(aggregate.function().wireName()));
        if (aggregate.field() != null) {
          entry.put(FIELD, BlazeValue.string(aggregate.field()));
        }
        entry.put(ALIAS, BlazeValue.string(aggregate.alias()));
        aggregates.add(new BlazeValue.DictionaryValue(entry.build()));
      }
      doc.put(AGGREGATES, BlazeValue.array(aggregates));
    }
    return doc.build();
  }

  /**
   * The query a document describes, validated.
   *
   * @throws InvalidQueryException naming the path of the first problem found
   */
  public static Query fromRecord(BlazeRecord doc) {
    List<Filter> filters = List.of();
    List<SortKey> sort = List.of();
    int offset = 0;
    Integer limit = null;
    List<String> groupBy = List.of();
    List<Aggregate> aggregates = List.of();
    for (int i = 0; i < doc.size(); i++) {
      String key = doc.nameAt(i);
      BlazeValue value = doc.valueAt(i);
      switch (key) {
        case FILTERS -> filters = readFilters(items(value, FILTERS));
        case SORT -> sort = readSort(items(value, SORT));
        case OFFSET -> offset = nonNegativeInt(value, OFFSET);
        case LIMIT ->
            limit = value instanceof BlazeValue.NullValue ? null : nonNegativeInt(value, LIMIT);
        case GROUP_BY -> groupBy = readGroupBy(items(value, GROUP_BY));
        case AGGREGATES -> aggregates = readAggregates(items(value, AGGREGATES));
        default -> throw unknownKey(key, QUERY_KEY_LIST);
      }
    }
    return new Query(filters, sort, offset, limit, groupBy, aggregates);
  }

  private static List<Filter> readFilters(List<BlazeValue> items) {
    List<Filter> filters = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = FILTERS + "[" + i + "]";
      BlazeRecord entry = dictionary(items.get(i), path);
      String field = null;
      FilterOp op = null;
      BlazeValue value = null;
      for (int k = 0; k < entry.size(); k++) {
        String key = entry.nameAt(k);
        BlazeValue v = entry.valueAt(k);
        switch (key) {
          case FIELD -> field = string(v, path + "." + FIELD);
          case OP -> op = operator(string(v, path + "." + OP), path + "." + OP);
          case VALUE -> value = v;
          default -> throw unknownKey(path + "." + key, "field, op, value");
        }
      }
      if (field == null) {
        throw new InvalidQueryException(path + "." + FIELD, "missing");
      }
      if (op == null) {
        throw new InvalidQueryException(path + "." + OP, "missing");
      }
      if (op.takesNoValue() && value instanceof BlazeValue.NullValue) {
        value = null; // {"op": "isNull", "value": null} says the same as no value
      }
      try {
        filters.add(new Filter(field, op, value));
      } catch (InvalidQueryException e) {
        throw e.under(path);
      }
    }
    return filters;
  }

  private static List<SortKey> readSort(List<BlazeValue> items) {
    List<SortKey> keys = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = SORT + "[" + i + "]";
      BlazeRecord entry = dictionary(items.get(i), path);
      String field = null;
      boolean descending = false;
      for (int k = 0; k < entry.size(); k++) {
        String key = entry.nameAt(k);
        BlazeValue v = entry.valueAt(k);
        switch (key) {
          case FIELD -> field = string(v, path + "." + FIELD);
          case DESCENDING -> descending = bool(v, path + "." + DESCENDING);
          default -> throw unknownKey(path + "." + key, "field, descending");
        }
      }
      if (field == null) {
        throw new InvalidQueryException(path + "." + FIELD, "missing");
      }
      try {
        keys.add(new SortKey(field, descending));
      } catch (InvalidQueryException e) {
        throw e.under(path);
      }
    }
    return keys;
  }

  private static List<String> readGroupBy(List<BlazeValue> items) {
    List<String> fields = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      fields.add(string(items.get(i), GROUP_BY + "[" + i + "]"));
    }
    return fields;
  }

  private static List<Aggregate> readAggregates(List<BlazeValue> items) {
    List<Aggregate> aggregates = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = AGGREGATES + "[" + i + "]";
      BlazeRecord entry = dictionary(items.get(i), path);
      AggregateFunction function = null;
      String field = null;
      String alias = null;
      for (int k = 0; k < entry.size(); k++) {
        String key = entry.nameAt(k);
        BlazeValue v = entry.valueAt(k);
        switch (key) {
          case FUNCTION ->
              function = function(string(v, path + "." + FUNCTION), path + "." + FUNCTION);
          case FIELD -> field = string(v, path + "." + FIELD);
          case ALIAS -> alias = string(v, path + "." + ALIAS);
          default -> throw unknownKey(path + "." + key, "function, field, alias");
        }
      }
      if (function == null) {
        throw new InvalidQueryException(path + "." + FUNCTION, "missing");
      }
      try {
        aggregates.add(new Aggregate(function, field, alias));
      } catch (InvalidQueryException e) {
        throw e.under(path);
      }
    }
    return aggregates;
  }

  static FilterOp operator(String name, String path) {
    try {
      return FilterOp.fromWireName(name);
    } catch (InvalidQueryException e) {
      throw e.under(path);
    }
  }

  static AggregateFunction function(String name, String path) {
    try {
      return AggregateFunction.fromWireName(name);
    } catch (InvalidQueryException e) {
      throw e.under(path);
    }
  }

  static InvalidQueryException unknownKey(String path, String expected) {
    return new InvalidQueryException(path, "unknown key (expected " + expected + ")");
  }

  private static List<BlazeValue> items(BlazeValue value, String path) {
    if (value instanceof BlazeValue.ArrayValue array) {
      return array.items();
    }
    throw wrongType("an array", value, path);
  }

  private static BlazeRecord dictionary(BlazeValue value, String path) {
    if (value instanceof BlazeValue.DictionaryValue dictionary) {
      return dictionary.entries();
    }
    throw wrongType("a dictionary", value, path);
  }

  private static String string(BlazeValue value, String path) {
    if (value instanceof BlazeValue.StringValue string) {
      return string.value();
    }
    throw wrongType("a string", value, path);
  }

  private static boolean bool(BlazeValue value, String path) {
    if (value instanceof BlazeValue.BoolValue bool) {
      return bool.value();
    }
    throw wrongType("a bool", value, path);
  }

  private static int nonNegativeInt(BlazeValue value, String path) {
    if (!(value instanceof BlazeValue.IntValue integer)) {
      throw wrongType("an int", value, path);
    }
    long n = integer.value();
    if (n < 0) {
      throw new InvalidQueryException(path, "must not be negative, was " + n);
    }
    if (n > Integer.MAX_VALUE) {
      throw new InvalidQueryException(path, "must be at most " + Integer.MAX_VALUE + ", was " + n);
    }
    return (int) n;
  }

  private static InvalidQueryException wrongType(String expected, BlazeValue value, String path) {
    return new InvalidQueryException(path, "expected " + expected + ", was " + value.typeName());
  }
}
