package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.ArrayValue;
import dev.blazebench.binary.BlazeValue.StringValue;
import dev.blazebench.binary.KeyOrder;
import dev.blazebench.protocol.query.Filter;
import java.util.List;
import java.util.function.Predicate;

/**
 * A query's filters compiled into one test: every filter must hold (AND); no filter means every
 * record matches.
 *
 * <p>Each operator as BlazeDB's {@code QueryBuilder} evaluates it, with {@link ValueEquality} and
 * {@link ValueOrder} giving equality and order:
 *
 * <ul>
 *   <li>A field that is missing or null matches {@code ne} and {@code isNull} and nothing else.
 *   <li>{@code eq}/{@code ne}: equal (not equal); {@code in}: equal to some item of the list (an
 *       empty list matches nothing).
 *   <li>{@code gt}/{@code lt}: strictly ordered; {@code gte}/{@code lte}: ordered, or equal (so a
 *       date within a millisecond of a number is {@code gte} and {@code lte} it, as in BlazeDB).
 *       Values that are not ordered against each other (a string and an int) do not match.
 *   <li>{@code contains}: a string field containing the string operand (both NFC-normalised; the
 *       empty string is in every string), or an array field with an item equal to the operand. Any
 *       other field type does not match.
 * </ul>
 */
public final class RecordFilter implements Predicate<BlazeRecord> {

  private static final RecordFilter MATCH_ALL = new RecordFilter(List.of());

  private final List<Predicate<BlazeRecord>> tests;

  private RecordFilter(List<Predicate<BlazeRecord>> tests) {
    this.tests = tests;
  }

  /** The conjunction of {@code filters}. */
  public static RecordFilter of(List<Filter> filters) {
    if (filters.isEmpty()) {
      return MATCH_ALL;
    }
    return new RecordFilter(filters.stream().map(RecordFilter::compile).toList());
  }

  @Override
  public boolean test(BlazeRecord record) {
    for (Predicate<BlazeRecord> test : tests) {
      if (!test.test(record)) {
        return false;
      }
    }
    return true;
  }

  private static Predicate<BlazeRecord> compile(Filter filter) {
    String field = filter.field();
    BlazeValue operand = filter.value();
    switch (filter.op()) {
      case EQ:
        return r -> matches(r, field, v -> ValueEquality.equal(v, operand));
      case NE:
        return r -> !matches(r, field, v -> ValueEquality.equal(v, operand));
      case GT:
        return r -> matches(r, field, v -> ordered(v, operand, c -> c > 0));
      case GTE:
        return r -> matches(r, field, v -> orderedOrEqual(v, operand, c -> c >= 0));
      case LT:
        return r -> matches(r, field, v -> ordered(v, operand, c -> c < 0));
      case LTE:
        return r -> matches(r, field, v -> orderedOrEqual(v, operand, c -> c <= 0));
      case CONTAINS:
        return compileContains(field, operand);
      case IN:
        List<BlazeValue> items = ((ArrayValue) operand).items();
        return r -> matches(r, field, v -> isIn(v, items));
      case IS_NULL:
        return r -> FieldValues.presentOrNull(r, field) == null;
      case NOT_NULL:
        return r -> FieldValues.presentOrNull(r, field) != null;
      default:
        throw new AssertionError("unknown operator " + filter.op());
    }
  }

  private static boolean matches(BlazeRecord record, String field, Predicate<BlazeValue> test) {
    BlazeValue value = FieldValues.presentOrNull(record, field);
    return value != null && test.test(value);
  }

  private interface SignTest {
    boolean holds(int sign);
  }

  private static boolean ordered(BlazeValue value, BlazeValue operand, SignTest test) {
    Integer sign = ValueOrder.compareForFilter(value, operand);
    return sign != null && test.holds(sign);
  }

  private static boolean orderedOrEqual(BlazeValue value, BlazeValue operand, SignTest test) {
    return ordered(value, operand, test) || ValueEquality.equal(value, operand);
  }

  private static boolean isIn(BlazeValue value, List<BlazeValue> items) {
    for (BlazeValue item : items) {
      if (ValueEquality.equal(value, item)) {
        return true;
      }
    }
    return false;
  }

  private static Predicate<BlazeRecord> compileContains(String field, BlazeValue operand) {
    String needle =
        operand instanceof StringValue s ? KeyOrder.normalize(s.value()) : null; // NFC once
    return r ->
        matches(
            r,
            field,
            v -> {
              if (v instanceof StringValue s) {
                return needle != null && KeyOrder.normalize(s.value()).contains(needle);
              }
              if (v instanceof ArrayValue array) {
                return isIn(operand, array.items());
              }
              return false;
            });
  }
}
