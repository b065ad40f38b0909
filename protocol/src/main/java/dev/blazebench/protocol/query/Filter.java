package dev.blazebench.protocol.query;

import dev.blazebench.binary.BlazeValue;

/**
 * One condition of a query: {@code field op value}. All filters of a query must hold (AND).
 *
 * <p>The value must fit the operator, or construction fails with {@link InvalidQueryException}:
 *
 * <ul>
 *   <li>{@code isNull}, {@code notNull}: no value ({@code null}).
 *   <li>{@code eq}, {@code ne}: any value but {@link BlazeValue.NullValue} (use {@code isNull}).
 *   <li>{@code gt}, {@code gte}, {@code lt}, {@code lte}: an int, double, string, date or uuid.
 *   <li>{@code contains}: a scalar (string, int, double, bool, uuid or date).
 *   <li>{@code in}: an {@link BlazeValue.ArrayValue} (possibly empty) with no null item.
 * </ul>
 *
 * @param field the top-level field name (dots are not paths: {@code "a.b"} is one field name)
 * @param op the operator
 * @param value the operand; null exactly for {@code isNull}/{@code notNull}
 */
public record Filter(String field, FilterOp op, BlazeValue value) {

  public Filter {
    if (field == null || field.isEmpty()) {
      throw new InvalidQueryException("field", "must be a non-empty field name");
    }
    if (op == null) {
      throw new InvalidQueryException("op", "missing operator (filter on \"" + field + "\")");
    }
    checkValue(field, op, value);
  }

  /** {@code field == value}. */
  public static Filter eq(String field, BlazeValue value) {
    return new Filter(field, FilterOp.EQ, value);
  }

  /** {@code field} is absent or null. */
  public static Filter isNull(String field) {
    return new Filter(field, FilterOp.IS_NULL, null);
  }

  /** {@code field} is present and not null. */
  public static Filter notNull(String field) {
    return new Filter(field, FilterOp.NOT_NULL, null);
  }

  private static void checkValue(String field, FilterOp op, BlazeValue value) {
    String where = " (filter on \"" + field + "\")";
    if (op.takesNoValue()) {
      if (value != null) {
        throw new InvalidQueryException(
            "value", "operator \"" + op.wireName() + "\" takes no value" + where);
      }
      return;
    }
    if (value == null) {
      throw new InvalidQueryException(
          "value", "missing value for operator \"" + op.wireName() + "\"" + where);
    }
    if (value instanceof BlazeValue.NullValue) {
      throw new InvalidQueryException(
          "value",
          "null is not a value for operator \""
              + op.wireName()
              + "\"; use \"isNull\" or \"notNull\""
              + where);
    }
    switch (op) {
      case GT, GTE, LT, LTE -> {
        if (!isOrderable(value)) {
          throw new InvalidQueryException(
              "value",
              "operator \""
                  + op.wireName()
                  + "\" needs an int, double, string, date or uuid, was "
                  + value.typeName()
                  + where);
        }
      }
      case CONTAINS -> {
        if (!isScalar(value)) {
          throw new InvalidQueryException(
              "value",
              "operator \"contains\" needs a string, int, double, bool, uuid or date, was "
                  + value.typeName()
                  + where);
        }
      }
      case IN -> {
        if (!(value instanceof BlazeValue.ArrayValue array)) {
          throw new InvalidQueryException(
              "value", "operator \"in\" needs an array, was " + value.typeName() + where);
        }
        for (int i = 0; i < array.items().size(); i++) {
          if (array.items().get(i) instanceof BlazeValue.NullValue) {
            throw new InvalidQueryException(
                "value[" + i + "]", "null is not allowed in an \"in\" list" + where);
          }
        }
      }
      default -> {
        // eq, ne: any non-null value.
      }
    }
  }

  private static boolean isOrderable(BlazeValue value) {
    return value instanceof BlazeValue.IntValue
        || value instanceof BlazeValue.DoubleValue
        || value instanceof BlazeValue.StringValue
        || value instanceof BlazeValue.DateValue
        || value instanceof BlazeValue.UuidValue;
  }

  private static boolean isScalar(BlazeValue value) {
    return isOrderable(value) || value instanceof BlazeValue.BoolValue;
  }
}
