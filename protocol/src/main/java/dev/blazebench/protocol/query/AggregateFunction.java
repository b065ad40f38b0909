package dev.blazebench.protocol.query;

/**
 * An aggregate function, with the name the query document uses for it.
 *
 * <ul>
 *   <li>{@link #COUNT}: the number of records in the group; takes no field.
 *   <li>{@link #SUM}, {@link #AVG}: over the group's numeric values of the field (ints and doubles;
 *       other types and missing fields are skipped). {@code sum} is an int when every summed value
 *       is an int and the total fits in 64 bits, else a double (also when the int total would
 *       overflow); {@code avg} is always a double; both are null for a group with no numeric value.
 *   <li>{@link #MIN}, {@link #MAX}: the least (greatest) non-null value of the field, in the order
 *       {@link FilterOp#GT} uses; null when the group has none.
 * </ul>
 */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max");

  private static final String WIRE_NAMES = wireNames();

  private final String wireName;

  AggregateFunction(String wireName) {
    this.wireName = wireName;
  }

  /** The function's name in a query document. */
  public String wireName() {
    return wireName;
  }

  /** True when the function reads a field (all but {@link #COUNT}). */
  public boolean takesField() {
    return this != COUNT;
  }

  /**
   * The function named {@code wireName} (exact, case-sensitive).
   *
   * @throws InvalidQueryException for any other name
   */
  public static AggregateFunction fromWireName(String wireName) {
    for (AggregateFunction function : values()) {
      if (function.wireName.equals(wireName)) {
        return function;
      }
    }
    throw new InvalidQueryException(
        "", "unknown function \"" + wireName + "\" (expected one of " + WIRE_NAMES + ")");
  }

  private static String wireNames() {
    StringBuilder names = new StringBuilder();
    for (AggregateFunction function : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(function.wireName);
    }
    return names.toString();
  }
}
